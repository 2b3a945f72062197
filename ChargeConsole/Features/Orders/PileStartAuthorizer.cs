using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Ykc;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Orders;

/// <summary>
/// Pile-initiated starts (0x31): a swiped card is matched to a user's card number, a VIN to a user's vehicle;
/// the same checks as an app start apply, and the answer (0x32) carries the protocol's failure reason.
/// </summary>
public sealed class PileStartAuthorizer(IDbContextFactory<ChargeDbContext> dbFactory, ChargingService charging, TimeProvider clock, ILogger<PileStartAuthorizer> log)
{
    public async Task<StartAuthorization> AuthorizeAsync(PileStartRequest request, CancellationToken ct)
    {
        var gunCode = request.PileCode + request.Gun.ToString("00");
        StartAuthorization Refuse(byte reason, string why)
        {
            log.LogInformation("Pile start on {Gun} refused (0x{Reason:X2}): {Why}", gunCode, reason, why);
            return new StartAuthorization(OrderNumbers.Serial(request.PileCode, request.Gun, clock.GetUtcNow().UtcDateTime), request.PileCode, request.Gun,
                new string('0', 16), 0, false, reason);
        }

        int? userId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            switch (request.Mode)
            {
                case 0x01:
                    userId = await db.AppUsers.Where(u => u.CardNumber == request.PhysicalCard).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
                    if (userId is null) return Refuse(0x01, "未登记的卡");
                    break;
                case 0x03:
                    var vin = request.Vin.Trim('\0', ' ');
                    userId = vin.Length == 0 ? null
                        : await db.Vehicles.Where(v => v.Vin == vin).Select(v => (int?)v.AppUserId).FirstOrDefaultAsync(ct);
                    if (userId is null) return Refuse(0x09, $"未登记的 VIN {vin}");
                    break;
                default:
                    return Refuse(0x0B, $"不支持的启动方式 {request.Mode}");
            }
        }

        var source = request.Mode == 0x01 ? StartSource.Card : StartSource.Vin;
        var (refusal, reservation) = await charging.ReserveAsync(userId.Value, gunCode, source,
            source == StartSource.Card ? request.PhysicalCard : null, source == StartSource.Vin ? request.Vin.Trim('\0', ' ') : null, ct);
        if (refusal is not null) return Refuse(refusal.Code, refusal.Message);
        var order = reservation!.Order;
        // The order stays Starting until the pile reports it charging (0x13 with this serial).
        return new StartAuthorization(order.TransactionSerial!, request.PileCode, request.Gun, ChargingService.LogicalCard(userId.Value),
            (uint)Math.Max(0, reservation.Limit.Fen), true, 0);
    }
}
