using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CouponClaimLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Coupons_Status_ValidFrom",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Coupons");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CouponClaims",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_ValidFrom_ValidTo",
                table: "Coupons",
                columns: new[] { "ValidFrom", "ValidTo" });

            // A copy held by an unpaid recharge was Unused with the order's id; it is now its own state.
            migrationBuilder.Sql("UPDATE CouponClaims SET Status = 3 WHERE Status = 0 AND RechargeOrderId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE CouponClaims SET Status = 0 WHERE Status = 3");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_ValidFrom_ValidTo",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CouponClaims");

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Coupons",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Status_ValidFrom",
                table: "Coupons",
                columns: new[] { "Status", "ValidFrom" });
        }
    }
}
