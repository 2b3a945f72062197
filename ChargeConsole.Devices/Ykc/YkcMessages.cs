namespace ChargeConsole.Devices.Ykc;

/// <summary>Decodes a frame's body into its typed message; null for types the console does not use.</summary>
public static class YkcMessages
{
    public static IYkcMessage? Decode(in YkcFrame frame)
    {
        try
        {
            return DecodeBody(frame);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            // Whatever a body holds, a bad one is a format error of that frame, never a crash of the session.
            throw new YkcFormatException($"0x{frame.Type:X2}: {e.Message}");
        }
    }

    private static IYkcMessage? DecodeBody(in YkcFrame frame)
    {
        var body = frame.Body.Span;
        return frame.Type switch
        {
            MessageType.Login => LoginRequest.Decode(body),
            MessageType.LoginReply => LoginReply.Decode(body),
            MessageType.Heartbeat => Heartbeat.Decode(body),
            MessageType.HeartbeatReply => HeartbeatReply.Decode(body),
            MessageType.BillingVerify => BillingVerify.Decode(body),
            MessageType.BillingVerifyReply => BillingVerifyReply.Decode(body),
            MessageType.BillingRequest => BillingRequest.Decode(body),
            MessageType.BillingReply => BillingModel.Decode(body, isPush: false),
            MessageType.BillingSet => BillingModel.Decode(body, isPush: true),
            MessageType.ReadRealtime => ReadRealtime.Decode(body),
            MessageType.Realtime => RealtimeData.Decode(body),
            var t when MessageType.IsChargingProcess(t) => ChargingProcessData.Decode(t, body),
            MessageType.PileStart => PileStartRequest.Decode(body),
            MessageType.StartAuthorization => StartAuthorization.Decode(body),
            MessageType.RemoteStartReply => RemoteStartReply.Decode(body),
            MessageType.RemoteStart => RemoteStart.Decode(body),
            MessageType.RemoteStopReply => RemoteStopReply.Decode(body),
            MessageType.RemoteStop => RemoteStop.Decode(body),
            MessageType.TransactionRecord => TransactionRecord.Decode(body, v17: false),
            MessageType.TransactionRecordV17 => TransactionRecord.Decode(body, v17: true),
            MessageType.TransactionConfirm => TransactionConfirm.Decode(body),
            MessageType.BalanceUpdateReply => BalanceUpdateReply.Decode(body),
            MessageType.BalanceUpdate => BalanceUpdate.Decode(body),
            MessageType.WorkParams => WorkParams.Decode(body),
            MessageType.WorkParamsReply or MessageType.BillingSetReply or MessageType.RebootReply => PileResultReply.Decode(frame.Type, body),
            MessageType.TimeSync or MessageType.TimeSyncReply => TimeSync.Decode(frame.Type, body),
            MessageType.Reboot => Reboot.Decode(body),
            _ => null,
        };
    }

    /// <summary>The pile code a pile-originated message names, or null for one that names none.</summary>
    public static string? PileCodeOf(IYkcMessage message) => message switch
    {
        LoginRequest m => m.PileCode,
        Heartbeat m => m.PileCode,
        BillingVerify m => m.PileCode,
        BillingRequest m => m.PileCode,
        RealtimeData m => m.PileCode,
        ChargingProcessData m => m.PileCode,
        PileStartRequest m => m.PileCode,
        RemoteStartReply m => m.PileCode,
        RemoteStopReply m => m.PileCode,
        TransactionRecord m => m.PileCode,
        BalanceUpdateReply m => m.PileCode,
        PileResultReply m => m.PileCode,
        TimeSync m => m.PileCode,
        _ => null,
    };

    /// <summary>A frame for <paramref name="message"/> with the given SEQ (replies pass the request's SEQ).</summary>
    public static YkcFrame ToFrame(this IYkcMessage message, ushort seq) => new(seq, 0x00, message.Type, message.EncodeBody());
}
