using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargeConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastLoginAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CardNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContentHtml = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Banners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImagePath = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LinkUrl = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Banners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImagePath = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ContentHtml = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Coupons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Threshold = table.Column<long>(type: "INTEGER", nullable: false),
                    Discount = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PerUserLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimMethod = table.Column<int>(type: "INTEGER", nullable: false),
                    PosterPath = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coupons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ElectricityPrices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Sharp = table.Column<long>(type: "INTEGER", nullable: false),
                    Peak = table.Column<long>(type: "INTEGER", nullable: false),
                    Flat = table.Column<long>(type: "INTEGER", nullable: false),
                    Valley = table.Column<long>(type: "INTEGER", nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectricityPrices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarketingActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PosterPath = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RulesHtml = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    StackableWithCoupons = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketingActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarketingPackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Bonus = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketingPackages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RechargePackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Bonus = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargePackages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StationTags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationTags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestNo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleType = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TaxNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InvoiceCode = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PdfPath = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vehicles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Vin = table.Column<string>(type: "TEXT", maxLength: 17, nullable: true),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vehicles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vehicles_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WalletAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    No = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Asset = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WalletAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WalletAdjustments_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Wallets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Principal = table.Column<long>(type: "INTEGER", nullable: false),
                    Bonus = table.Column<long>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Frozen = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Wallets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Wallets_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Withdrawals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    No = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Withdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Withdrawals_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouponClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouponId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChargingOrderId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouponClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouponClaims_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouponClaims_Coupons_CouponId",
                        column: x => x.CouponId,
                        principalTable: "Coupons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BillingTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ElectricityPriceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SharpServiceFee = table.Column<long>(type: "INTEGER", nullable: false),
                    PeakServiceFee = table.Column<long>(type: "INTEGER", nullable: false),
                    FlatServiceFee = table.Column<long>(type: "INTEGER", nullable: false),
                    ValleyServiceFee = table.Column<long>(type: "INTEGER", nullable: false),
                    Slots = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 48, nullable: false),
                    ModelNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BillingTemplates_ElectricityPrices_ElectricityPriceId",
                        column: x => x.ElectricityPriceId,
                        principalTable: "ElectricityPrices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MarketingPackageActivities",
                columns: table => new
                {
                    ActivitiesId = table.Column<int>(type: "INTEGER", nullable: false),
                    PackagesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketingPackageActivities", x => new { x.ActivitiesId, x.PackagesId });
                    table.ForeignKey(
                        name: "FK_MarketingPackageActivities_MarketingActivities_ActivitiesId",
                        column: x => x.ActivitiesId,
                        principalTable: "MarketingActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MarketingPackageActivities_MarketingPackages_PackagesId",
                        column: x => x.PackagesId,
                        principalTable: "MarketingPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RechargeOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderNo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    RechargePackageId = table.Column<int>(type: "INTEGER", nullable: true),
                    MarketingPackageId = table.Column<int>(type: "INTEGER", nullable: true),
                    PaidAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    BonusAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundingAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderTransactionId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargeOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RechargeOrders_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RechargeOrders_MarketingPackages_MarketingPackageId",
                        column: x => x.MarketingPackageId,
                        principalTable: "MarketingPackages",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_RechargeOrders_RechargePackages_RechargePackageId",
                        column: x => x.RechargePackageId,
                        principalTable: "RechargePackages",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WalletId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Account = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceNo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Wallets_WalletId",
                        column: x => x.WalletId,
                        principalTable: "Wallets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BillingSyncLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PileId = table.Column<int>(type: "INTEGER", nullable: false),
                    PileCode = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BillingTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingSyncLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BillingSyncLogs_BillingTemplates_BillingTemplateId",
                        column: x => x.BillingTemplateId,
                        principalTable: "BillingTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Stations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    SplitBase = table.Column<int>(type: "INTEGER", nullable: false),
                    BillingTemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stations_BillingTemplates_BillingTemplateId",
                        column: x => x.BillingTemplateId,
                        principalTable: "BillingTemplates",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RefundNo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RechargeOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderRefundId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Refunds_RechargeOrders_RechargeOrderId",
                        column: x => x.RechargeOrderId,
                        principalTable: "RechargeOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Piles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    PowerKw = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    GunCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Protocol = table.Column<int>(type: "INTEGER", nullable: false),
                    BillingTemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirmwareVersion = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MissingBillingTemplate = table.Column<bool>(type: "INTEGER", nullable: false),
                    BillingModelNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Piles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Piles_BillingTemplates_BillingTemplateId",
                        column: x => x.BillingTemplateId,
                        principalTable: "BillingTemplates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Piles_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StationInvestors",
                columns: table => new
                {
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationInvestors", x => new { x.StationId, x.InvestorId });
                    table.ForeignKey(
                        name: "FK_StationInvestors_AspNetUsers_InvestorId",
                        column: x => x.InvestorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StationInvestors_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StationTagLinks",
                columns: table => new
                {
                    StationsId = table.Column<int>(type: "INTEGER", nullable: false),
                    TagsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationTagLinks", x => new { x.StationsId, x.TagsId });
                    table.ForeignKey(
                        name: "FK_StationTagLinks_StationTags_TagsId",
                        column: x => x.TagsId,
                        principalTable: "StationTags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StationTagLinks_Stations_StationsId",
                        column: x => x.StationsId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Guns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PileId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PluggedIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Holstered = table.Column<bool>(type: "INTEGER", nullable: true),
                    FaultBits = table.Column<int>(type: "INTEGER", nullable: false),
                    FaultText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Guns_Piles_PileId",
                        column: x => x.PileId,
                        principalTable: "Piles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChargingOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderNo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TransactionSerial = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AppUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PileId = table.Column<int>(type: "INTEGER", nullable: false),
                    GunId = table.Column<int>(type: "INTEGER", nullable: false),
                    GunCode = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    BillingTemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    ModelNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SettledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Energy = table.Column<long>(type: "INTEGER", nullable: false),
                    SharpEnergy = table.Column<long>(type: "INTEGER", nullable: false),
                    PeakEnergy = table.Column<long>(type: "INTEGER", nullable: false),
                    FlatEnergy = table.Column<long>(type: "INTEGER", nullable: false),
                    ValleyEnergy = table.Column<long>(type: "INTEGER", nullable: false),
                    ElectricityFee = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceFee = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    DiscountAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    PileAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    AmountMismatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidPrincipal = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidBonus = table.Column<long>(type: "INTEGER", nullable: false),
                    PointsEarned = table.Column<long>(type: "INTEGER", nullable: false),
                    CouponClaimId = table.Column<int>(type: "INTEGER", nullable: true),
                    PowerKw = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Soc = table.Column<int>(type: "INTEGER", nullable: true),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Vin = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CardNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargingOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargingOrders_AppUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AppUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ChargingOrders_Guns_GunId",
                        column: x => x.GunId,
                        principalTable: "Guns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChargingOrders_Piles_PileId",
                        column: x => x.PileId,
                        principalTable: "Piles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChargingOrders_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChargingReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChargingOrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    SampledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Voltage = table.Column<decimal>(type: "TEXT", precision: 9, scale: 1, nullable: false),
                    Current = table.Column<decimal>(type: "TEXT", precision: 9, scale: 1, nullable: false),
                    PowerKw = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Energy = table.Column<long>(type: "INTEGER", nullable: false),
                    Soc = table.Column<int>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargingReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargingReports_ChargingOrders_ChargingOrderId",
                        column: x => x.ChargingOrderId,
                        principalTable: "ChargingOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceOrders",
                columns: table => new
                {
                    InvoiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargingOrderId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceOrders", x => new { x.InvoiceId, x.ChargingOrderId });
                    table.ForeignKey(
                        name: "FK_InvoiceOrders_ChargingOrders_ChargingOrderId",
                        column: x => x.ChargingOrderId,
                        principalTable: "ChargingOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvoiceOrders_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevenueShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChargingOrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Base = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    IsReversal = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevenueShares_ChargingOrders_ChargingOrderId",
                        column: x => x.ChargingOrderId,
                        principalTable: "ChargingOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppUsers_CardNumber",
                table: "AppUsers",
                column: "CardNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppUsers_Nickname",
                table: "AppUsers",
                column: "Nickname");

            migrationBuilder.CreateIndex(
                name: "IX_AppUsers_Phone",
                table: "AppUsers",
                column: "Phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppUsers_RegisteredAt",
                table: "AppUsers",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Kind_Status",
                table: "Articles",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLogs_Action_At",
                table: "AuditLogs",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLogs_At",
                table: "AuditLogs",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLogs_UserName_At",
                table: "AuditLogs",
                columns: new[] { "UserName", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Banners_Status_SortOrder",
                table: "Banners",
                columns: new[] { "Status", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_BillingSyncLogs_BillingTemplateId",
                table: "BillingSyncLogs",
                column: "BillingTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_BillingSyncLogs_CreatedAt",
                table: "BillingSyncLogs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_BillingSyncLogs_PileCode_CreatedAt",
                table: "BillingSyncLogs",
                columns: new[] { "PileCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BillingSyncLogs_PileId",
                table: "BillingSyncLogs",
                column: "PileId");

            migrationBuilder.CreateIndex(
                name: "IX_BillingSyncLogs_Status_CreatedAt",
                table: "BillingSyncLogs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BillingTemplates_ElectricityPriceId",
                table: "BillingTemplates",
                column: "ElectricityPriceId");

            migrationBuilder.CreateIndex(
                name: "IX_BillingTemplates_Name",
                table: "BillingTemplates",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Status",
                table: "Campaigns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_AppUserId_CreatedAt",
                table: "ChargingOrders",
                columns: new[] { "AppUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_CreatedAt",
                table: "ChargingOrders",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_GunId_Status",
                table: "ChargingOrders",
                columns: new[] { "GunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_OrderNo",
                table: "ChargingOrders",
                column: "OrderNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_PileId",
                table: "ChargingOrders",
                column: "PileId");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_SettledAt",
                table: "ChargingOrders",
                column: "SettledAt");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_StationId_CreatedAt",
                table: "ChargingOrders",
                columns: new[] { "StationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_Status_CreatedAt",
                table: "ChargingOrders",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingOrders_TransactionSerial",
                table: "ChargingOrders",
                column: "TransactionSerial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargingReports_ChargingOrderId_SampledAt",
                table: "ChargingReports",
                columns: new[] { "ChargingOrderId", "SampledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_AppUserId_Status",
                table: "CouponClaims",
                columns: new[] { "AppUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_CouponId_AppUserId",
                table: "CouponClaims",
                columns: new[] { "CouponId", "AppUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CouponClaims_Status_ClaimedAt",
                table: "CouponClaims",
                columns: new[] { "Status", "ClaimedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Name",
                table: "Coupons",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Status_ValidFrom",
                table: "Coupons",
                columns: new[] { "Status", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ElectricityPrices_Name",
                table: "ElectricityPrices",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Guns_Code",
                table: "Guns",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Guns_PileId_Number",
                table: "Guns",
                columns: new[] { "PileId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Guns_StationId_Status",
                table: "Guns",
                columns: new[] { "StationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Guns_Status",
                table: "Guns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceOrders_ChargingOrderId",
                table: "InvoiceOrders",
                column: "ChargingOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_AppUserId",
                table: "Invoices",
                column: "AppUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_RequestNo",
                table: "Invoices",
                column: "RequestNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Status_CreatedAt",
                table: "Invoices",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Title",
                table: "Invoices",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AppUserId_CreatedAt",
                table: "LedgerEntries",
                columns: new[] { "AppUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CreatedAt",
                table: "LedgerEntries",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Source_CreatedAt",
                table: "LedgerEntries",
                columns: new[] { "Source", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_SourceNo",
                table: "LedgerEntries",
                column: "SourceNo");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_WalletId_Account",
                table: "LedgerEntries",
                columns: new[] { "WalletId", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketingActivities_Status_StartAt",
                table: "MarketingActivities",
                columns: new[] { "Status", "StartAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketingPackageActivities_PackagesId",
                table: "MarketingPackageActivities",
                column: "PackagesId");

            migrationBuilder.CreateIndex(
                name: "IX_Piles_BillingTemplateId",
                table: "Piles",
                column: "BillingTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_Piles_Code",
                table: "Piles",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Piles_Online",
                table: "Piles",
                column: "Online");

            migrationBuilder.CreateIndex(
                name: "IX_Piles_StationId_Code",
                table: "Piles",
                columns: new[] { "StationId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_AppUserId_CreatedAt",
                table: "RechargeOrders",
                columns: new[] { "AppUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_CreatedAt",
                table: "RechargeOrders",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_MarketingPackageId",
                table: "RechargeOrders",
                column: "MarketingPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_OrderNo",
                table: "RechargeOrders",
                column: "OrderNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_ProviderTransactionId",
                table: "RechargeOrders",
                column: "ProviderTransactionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_RechargePackageId",
                table: "RechargeOrders",
                column: "RechargePackageId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeOrders_Status_CreatedAt",
                table: "RechargeOrders",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RechargePackages_Status_SortOrder",
                table: "RechargePackages",
                columns: new[] { "Status", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_ProviderRefundId",
                table: "Refunds",
                column: "ProviderRefundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_RechargeOrderId_CreatedAt",
                table: "Refunds",
                columns: new[] { "RechargeOrderId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_RefundNo",
                table: "Refunds",
                column: "RefundNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_Status_CreatedAt",
                table: "Refunds",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueShares_ChargingOrderId_InvestorId_IsReversal",
                table: "RevenueShares",
                columns: new[] { "ChargingOrderId", "InvestorId", "IsReversal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevenueShares_InvestorId_CreatedAt",
                table: "RevenueShares",
                columns: new[] { "InvestorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueShares_StationId_CreatedAt",
                table: "RevenueShares",
                columns: new[] { "StationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StationInvestors_InvestorId",
                table: "StationInvestors",
                column: "InvestorId");

            migrationBuilder.CreateIndex(
                name: "IX_Stations_BillingTemplateId",
                table: "Stations",
                column: "BillingTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_Stations_CreatedAt",
                table: "Stations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Stations_Name",
                table: "Stations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_StationTagLinks_TagsId",
                table: "StationTagLinks",
                column: "TagsId");

            migrationBuilder.CreateIndex(
                name: "IX_StationTags_Name",
                table: "StationTags",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_AppUserId",
                table: "Vehicles",
                column: "AppUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_Plate",
                table: "Vehicles",
                column: "Plate");

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_Vin",
                table: "Vehicles",
                column: "Vin");

            migrationBuilder.CreateIndex(
                name: "IX_WalletAdjustments_AppUserId_CreatedAt",
                table: "WalletAdjustments",
                columns: new[] { "AppUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WalletAdjustments_CreatedAt",
                table: "WalletAdjustments",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WalletAdjustments_No",
                table: "WalletAdjustments",
                column: "No",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Wallets_AppUserId",
                table: "Wallets",
                column: "AppUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Wallets_Principal",
                table: "Wallets",
                column: "Principal");

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_AppUserId_CreatedAt",
                table: "Withdrawals",
                columns: new[] { "AppUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_No",
                table: "Withdrawals",
                column: "No",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_Status_CreatedAt",
                table: "Withdrawals",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditLogs");

            migrationBuilder.DropTable(
                name: "Banners");

            migrationBuilder.DropTable(
                name: "BillingSyncLogs");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "ChargingReports");

            migrationBuilder.DropTable(
                name: "CouponClaims");

            migrationBuilder.DropTable(
                name: "InvoiceOrders");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "MarketingPackageActivities");

            migrationBuilder.DropTable(
                name: "Refunds");

            migrationBuilder.DropTable(
                name: "RevenueShares");

            migrationBuilder.DropTable(
                name: "StationInvestors");

            migrationBuilder.DropTable(
                name: "StationTagLinks");

            migrationBuilder.DropTable(
                name: "Vehicles");

            migrationBuilder.DropTable(
                name: "WalletAdjustments");

            migrationBuilder.DropTable(
                name: "Withdrawals");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Coupons");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "Wallets");

            migrationBuilder.DropTable(
                name: "MarketingActivities");

            migrationBuilder.DropTable(
                name: "RechargeOrders");

            migrationBuilder.DropTable(
                name: "ChargingOrders");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "StationTags");

            migrationBuilder.DropTable(
                name: "MarketingPackages");

            migrationBuilder.DropTable(
                name: "RechargePackages");

            migrationBuilder.DropTable(
                name: "AppUsers");

            migrationBuilder.DropTable(
                name: "Guns");

            migrationBuilder.DropTable(
                name: "Piles");

            migrationBuilder.DropTable(
                name: "Stations");

            migrationBuilder.DropTable(
                name: "BillingTemplates");

            migrationBuilder.DropTable(
                name: "ElectricityPrices");
        }
    }
}
