using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParagraphLineage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParagraphLinks",
                columns: table => new
                {
                    ParagraphId = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterpartId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParagraphLinks", x => new { x.ParagraphId, x.CounterpartId });
                    table.ForeignKey(
                        name: "FK_ParagraphLinks_Paragraphs_CounterpartId",
                        column: x => x.CounterpartId,
                        principalTable: "Paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParagraphLinks_Paragraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "Paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParagraphLinks_CounterpartId",
                table: "ParagraphLinks",
                column: "CounterpartId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParagraphLinks");
        }
    }
}
