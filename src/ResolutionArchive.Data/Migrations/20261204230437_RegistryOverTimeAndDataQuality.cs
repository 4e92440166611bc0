using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryOverTimeAndDataQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // the version of the readers and the country registry the stored records were derived with (ArchiveDatabase.UpgradeAsync)
            migrationBuilder.Sql("CREATE TABLE ArchiveDerivation (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Version TEXT NOT NULL); INSERT INTO ArchiveDerivation (Id, Version) VALUES (1, '');");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Votes",
                table: "Votes");

            migrationBuilder.AlterColumn<string>(
                name: "CountryIso3",
                table: "Votes",
                type: "TEXT",
                maxLength: 3,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 3);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Votes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedPartLabel",
                table: "Resolutions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedPartTitle",
                table: "Resolutions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AdoptionDate",
                table: "Parts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeetingNumber",
                table: "Parts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MeetingResumed",
                table: "Parts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "VoteJson",
                table: "Parts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Votes",
                table: "Votes",
                columns: new[] { "ResolutionId", "Ordinal" });

            migrationBuilder.CreateTable(
                name: "DataQualityFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionKey = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQualityFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataQualityFlags_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataQualityFlags_ResolutionKey",
                table: "DataQualityFlags",
                column: "ResolutionKey");

            migrationBuilder.CreateIndex(
                name: "IX_DataQualityFlags_SourceId",
                table: "DataQualityFlags",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArchiveDerivation;");

            migrationBuilder.DropTable(
                name: "DataQualityFlags");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Votes",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "PublishedPartLabel",
                table: "Resolutions");

            migrationBuilder.DropColumn(
                name: "PublishedPartTitle",
                table: "Resolutions");

            migrationBuilder.DropColumn(
                name: "AdoptionDate",
                table: "Parts");

            migrationBuilder.DropColumn(
                name: "MeetingNumber",
                table: "Parts");

            migrationBuilder.DropColumn(
                name: "MeetingResumed",
                table: "Parts");

            migrationBuilder.DropColumn(
                name: "VoteJson",
                table: "Parts");

            migrationBuilder.AlterColumn<string>(
                name: "CountryIso3",
                table: "Votes",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 3,
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Votes",
                table: "Votes",
                columns: new[] { "ResolutionId", "CountryIso3" });
        }
    }
}
