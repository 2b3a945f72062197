using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Users;

public sealed class UserFilter
{
    /// <summary>Part of a phone number or nickname.</summary>
    public string? Keyword { get; set; }
    public DateTime? RegisteredFrom { get; set; }
    public DateTime? RegisteredTo { get; set; }
}

public sealed record UserRow
{
    public int Id { get; init; }
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public DateTime RegisteredAt { get; init; }
    public DateTime? LastLoginAt { get; init; }
    public bool Disabled { get; init; }
    public string? CardNumber { get; init; }
    public Money Principal { get; init; }
    public Money Bonus { get; init; }
    public long Points { get; init; }
    public Money Frozen { get; init; }
    public int Vehicles { get; init; }
}

public sealed class UserExportRow
{
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("注册时间")] public string RegisteredAt { get; set; } = "";
    [ExcelColumnName("最近登录")] public string LastLoginAt { get; set; } = "";
    [ExcelColumnName("本金余额(元)")] public decimal Principal { get; set; }
    [ExcelColumnName("赠送余额(元)")] public decimal Bonus { get; set; }
    [ExcelColumnName("冻结金额(元)")] public decimal Frozen { get; set; }
    [ExcelColumnName("积分")] public long Points { get; set; }
    [ExcelColumnName("车辆数")] public int Vehicles { get; set; }
    [ExcelColumnName("充电卡号")] public string Card { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
}

public sealed class VehicleFilter
{
    /// <summary>Part of a plate, VIN or owner's phone.</summary>
    public string? Keyword { get; set; }
    public string? Brand { get; set; }
}

public sealed record VehicleRow
{
    public int Id { get; init; }
    public string Plate { get; init; } = "";
    public string? Vin { get; init; }
    public string? Brand { get; init; }
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}

public sealed class VehicleExportRow
{
    [ExcelColumnName("车牌号")] public string Plate { get; set; } = "";
    [ExcelColumnName("VIN")] public string Vin { get; set; } = "";
    [ExcelColumnName("品牌")] public string Brand { get; set; } = "";
    [ExcelColumnName("车主手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("车主昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("添加时间")] public string CreatedAt { get; set; } = "";
}

/// <summary>用户列表 and 车辆列表: mini-program users are the operator's; investors see none.</summary>
public static class UserQueries
{
    public static readonly RowList<UserFilter, UserRow> UsersList = new(Users, x => x.RegisteredAt);

    public static IQueryable<UserRow> Users(ChargeDbContext db, AccessScope scope, UserFilter f)
    {
        var q = db.AppUsers.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Keyword))
        {
            var k = f.Keyword.Trim();
            q = q.Where(u => u.Phone.Contains(k) || u.Nickname.Contains(k));
        }
        q = q.WithinChinaDays(u => u.RegisteredAt, f.RegisteredFrom, f.RegisteredTo);
        return q.Select(u => new UserRow
        {
            Id = u.Id, Phone = u.Phone, Nickname = u.Nickname, RegisteredAt = u.RegisteredAt, LastLoginAt = u.LastLoginAt, Disabled = u.Disabled,
            CardNumber = u.CardNumber, Principal = u.Wallet.Principal, Bonus = u.Wallet.Bonus, Points = u.Wallet.Points, Frozen = u.Wallet.Frozen,
            Vehicles = u.Vehicles.Count,
        });
    }

    public static IEnumerable<UserExportRow> ExportUsers(ChargeDbContext db, AccessScope scope, UserFilter f) =>
        Users(db, scope, f).OrderByDescending(u => u.RegisteredAt).AsEnumerable().Select(u => new UserExportRow
        {
            Phone = u.Phone, Nickname = u.Nickname, RegisteredAt = ChinaTime.Format(u.RegisteredAt), LastLoginAt = ChinaTime.Format(u.LastLoginAt),
            Principal = u.Principal.Yuan, Bonus = u.Bonus.Yuan, Frozen = u.Frozen.Yuan, Points = u.Points, Vehicles = u.Vehicles,
            Card = u.CardNumber ?? "", Status = u.Disabled ? "已停用" : "正常",
        });

    public static readonly RowList<VehicleFilter, VehicleRow> VehiclesList = new(Vehicles, x => x.CreatedAt);

    public static IQueryable<VehicleRow> Vehicles(ChargeDbContext db, AccessScope scope, VehicleFilter f)
    {
        var q = db.Vehicles.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Keyword))
        {
            var k = f.Keyword.Trim();
            q = q.Where(v => v.Plate.Contains(k) || (v.Vin != null && v.Vin.Contains(k)) || v.AppUser.Phone.Contains(k));
        }
        if (!string.IsNullOrWhiteSpace(f.Brand)) q = q.Where(v => v.Brand != null && v.Brand.Contains(f.Brand.Trim()));
        return q.Select(v => new VehicleRow
        {
            Id = v.Id, Plate = v.Plate, Vin = v.Vin, Brand = v.Brand, Phone = v.AppUser.Phone, Nickname = v.AppUser.Nickname, CreatedAt = v.CreatedAt,
        });
    }

    public static IEnumerable<VehicleExportRow> ExportVehicles(ChargeDbContext db, AccessScope scope, VehicleFilter f) =>
        Vehicles(db, scope, f).OrderByDescending(v => v.CreatedAt).AsEnumerable().Select(v => new VehicleExportRow
        {
            Plate = v.Plate, Vin = v.Vin ?? "", Brand = v.Brand ?? "", Phone = v.Phone, Nickname = v.Nickname, CreatedAt = ChinaTime.Format(v.CreatedAt),
        });
}
