using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue20Fixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Anomaly",
                table: "Refunds",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverLimitWaived",
                table: "ChargingOrders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Anomaly",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "OverLimitWaived",
                table: "ChargingOrders");
        }
    }
}
