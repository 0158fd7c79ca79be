using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Konvooi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReachAgainstNeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReachFigureTables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReachFigureTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReachFigureTables_Coalitions_CoalitionId",
                        column: x => x.CoalitionId,
                        principalTable: "Coalitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReachPopulationTables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReachPopulationTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReachPopulationTables_Coalitions_CoalitionId",
                        column: x => x.CoalitionId,
                        principalTable: "Coalitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReachFigureRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TableId = table.Column<Guid>(type: "uuid", nullable: false),
                    WijkCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Estimate = table.Column<double>(type: "double precision", nullable: false),
                    CiLow = table.Column<double>(type: "double precision", nullable: false),
                    CiHigh = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReachFigureRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReachFigureRows_ReachFigureTables_TableId",
                        column: x => x.TableId,
                        principalTable: "ReachFigureTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReachPopulationRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TableId = table.Column<Guid>(type: "uuid", nullable: false),
                    WijkCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReachPopulationRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReachPopulationRows_ReachPopulationTables_TableId",
                        column: x => x.TableId,
                        principalTable: "ReachPopulationTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReachFigureRows_TableId_WijkCode_Indicator",
                table: "ReachFigureRows",
                columns: new[] { "TableId", "WijkCode", "Indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReachFigureTables_CoalitionId_CreatedAtUtc",
                table: "ReachFigureTables",
                columns: new[] { "CoalitionId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReachPopulationRows_TableId_WijkCode_AgeGroup",
                table: "ReachPopulationRows",
                columns: new[] { "TableId", "WijkCode", "AgeGroup" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReachPopulationTables_CoalitionId_CreatedAtUtc",
                table: "ReachPopulationTables",
                columns: new[] { "CoalitionId", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReachFigureRows");

            migrationBuilder.DropTable(
                name: "ReachPopulationRows");

            migrationBuilder.DropTable(
                name: "ReachFigureTables");

            migrationBuilder.DropTable(
                name: "ReachPopulationTables");
        }
    }
}
