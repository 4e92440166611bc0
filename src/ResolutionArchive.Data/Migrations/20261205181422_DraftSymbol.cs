using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class DraftSymbol : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftSymbol",
                table: "Resolutions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftSymbol",
                table: "Resolutions");
        }
    }
}
