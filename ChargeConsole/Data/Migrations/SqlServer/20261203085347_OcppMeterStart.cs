using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OcppMeterStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MeterStartWh",
                table: "ChargingOrders",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MeterStartWh",
                table: "ChargingOrders");
        }
    }
}
