using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParagraphId = table.Column<int>(type: "INTEGER", nullable: true),
                    FootnoteId = table.Column<int>(type: "INTEGER", nullable: true),
                    Anchor = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: true),
                    Verb = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Footnotes_FootnoteId",
                        column: x => x.FootnoteId,
                        principalTable: "Footnotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Paragraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "Paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_FootnoteId",
                table: "SearchEntries",
                column: "FootnoteId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_ParagraphId",
                table: "SearchEntries",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_ResolutionId",
                table: "SearchEntries",
                column: "ResolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Verb",
                table: "SearchEntries",
                column: "Verb");

            // The full-text index (docs/search.md §2): contentless FTS5 over the C#-made tokens of SearchText, with
            // contentless_delete so that rows can be deleted (SQLite >= 3.43), and a trigger that deletes a row with
            // its entry (so cascades from Resolutions, Paragraphs and Footnotes reach it).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE SearchIndex USING fts5(uni, bi, content='', contentless_delete=1, tokenize='ascii');");
            migrationBuilder.Sql("CREATE TRIGGER SearchEntries_AfterDelete AFTER DELETE ON SearchEntries BEGIN DELETE FROM SearchIndex WHERE rowid = old.Id; END;");

            // A number every write increases; readers compare it to drop their caches (docs/search.md §5).
            migrationBuilder.Sql("CREATE TABLE ArchiveRevision (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Revision INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO ArchiveRevision (Id, Revision) VALUES (1, 0);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArchiveRevision;");
            migrationBuilder.Sql("DROP TRIGGER SearchEntries_AfterDelete;");
            migrationBuilder.Sql("DROP TABLE SearchIndex;");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
