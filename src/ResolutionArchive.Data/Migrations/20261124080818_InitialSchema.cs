using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Resolutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", nullable: true),
                    Number = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Session = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    AgendaItem = table.Column<string>(type: "TEXT", nullable: true),
                    AgendaTitle = table.Column<string>(type: "TEXT", nullable: true),
                    AdoptionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeetingNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingPlenary = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeetingResumed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Committee = table.Column<string>(type: "TEXT", nullable: true),
                    CommitteeReportSymbol = table.Column<string>(type: "TEXT", nullable: true),
                    CommitteeReportParagraph = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    YesCount = table.Column<int>(type: "INTEGER", nullable: true),
                    NoCount = table.Column<int>(type: "INTEGER", nullable: true),
                    AbstainCount = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", nullable: false),
                    SourceSha256 = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resolutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Footnotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", nullable: false),
                    Marker = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    AttachedTo = table.Column<string>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Footnotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Footnotes_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Paragraphs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: true),
                    ParentAnchor = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    FootnoteMarkers = table.Column<string>(type: "TEXT", nullable: false),
                    EmphasisJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Paragraphs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Paragraphs_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sponsors",
                columns: table => new
                {
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CouncilMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sponsors", x => new { x.ResolutionId, x.CountryIso3 });
                    table.ForeignKey(
                        name: "FK_Sponsors_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => new { x.ResolutionId, x.CountryIso3 });
                    table.ForeignKey(
                        name: "FK_Votes_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Footnotes_ResolutionId_Anchor",
                table: "Footnotes",
                columns: new[] { "ResolutionId", "Anchor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Paragraphs_ResolutionId_Anchor",
                table: "Paragraphs",
                columns: new[] { "ResolutionId", "Anchor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_AdoptionDate",
                table: "Resolutions",
                column: "AdoptionDate");

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_Key",
                table: "Resolutions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_Number",
                table: "Resolutions",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_Symbol",
                table: "Resolutions",
                column: "Symbol");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsors_CountryIso3",
                table: "Sponsors",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_CountryIso3",
                table: "Votes",
                column: "CountryIso3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Footnotes");

            migrationBuilder.DropTable(
                name: "Paragraphs");

            migrationBuilder.DropTable(
                name: "Sponsors");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "Resolutions");
        }
    }
}
