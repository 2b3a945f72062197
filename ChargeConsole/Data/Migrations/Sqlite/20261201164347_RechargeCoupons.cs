using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RechargeCoupons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CouponClaimId",
                table: "RechargeOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DiscountAmount",
                table: "RechargeOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "RechargeOrderId",
                table: "CouponClaims",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_RechargeOrderId",
                table: "CouponClaims",
                column: "RechargeOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CouponClaims_RechargeOrderId",
                table: "CouponClaims");

            migrationBuilder.DropColumn(
                name: "CouponClaimId",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "DiscountAmount",
                table: "RechargeOrders");

            migrationBuilder.DropColumn(
                name: "RechargeOrderId",
                table: "CouponClaims");
        }
    }
}
