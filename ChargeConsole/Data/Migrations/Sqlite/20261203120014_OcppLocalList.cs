using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OcppLocalList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OcppLocalListHash",
                table: "Piles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OcppLocalListVersion",
                table: "Piles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OcppLocalListHash",
                table: "Piles");

            migrationBuilder.DropColumn(
                name: "OcppLocalListVersion",
                table: "Piles");
        }
    }
}
