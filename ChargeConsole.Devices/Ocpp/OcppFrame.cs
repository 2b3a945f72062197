using System.Text;
using System.Text.Json;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>The error codes of an OCPP-J CALLERROR (OCPP-J 1.6 §4.2.3; "Occurence" is the spec's own spelling).</summary>
public static class OcppErrorCode
{
    public const string NotImplemented = "NotImplemented";
    public const string NotSupported = "NotSupported";
    public const string InternalError = "InternalError";
    public const string ProtocolError = "ProtocolError";
    public const string SecurityError = "SecurityError";
    public const string FormationViolation = "FormationViolation";
    public const string PropertyConstraintViolation = "PropertyConstraintViolation";
    public const string OccurenceConstraintViolation = "OccurenceConstraintViolation";
    public const string TypeConstraintViolation = "TypeConstraintViolation";
    public const string GenericError = "GenericError";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        NotImplemented, NotSupported, InternalError, ProtocolError, SecurityError, FormationViolation,
        PropertyConstraintViolation, OccurenceConstraintViolation, TypeConstraintViolation, GenericError,
    };
}

/// <summary>A message the other side gets a CALLERROR for; <see cref="UniqueId"/> is null when even that was unreadable.</summary>
public sealed class OcppFormatException(string errorCode, string description, string? uniqueId = null) : Exception(description)
{
    public string ErrorCode { get; } = errorCode;
    public string? UniqueId { get; } = uniqueId;
}

/// <summary>One OCPP-J message: a CALL [2, id, action, payload], a CALLRESULT [3, id, payload] or a CALLERROR
/// [4, id, code, description, details]. Payloads stay JSON: <see cref="OcppSchema"/> checks them per action.</summary>
public abstract record OcppFrame(string UniqueId)
{
    public const int CallType = 2, CallResultType = 3, CallErrorType = 4;
    /// <summary>OCPP-J: the message id is a string of at most 36 characters.</summary>
    public const int MaxUniqueIdLength = 36;

    public abstract string ToJson();

    /// <summary>Reads one WebSocket text message. Anything but a well-formed OCPP-J array throws
    /// <see cref="OcppFormatException"/> with the code to answer (and the id, when it could be read).</summary>
    public static OcppFrame Parse(ReadOnlySpan<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new OcppFormatException(OcppErrorCode.FormationViolation, "消息不是合法的 JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 3)
                throw new OcppFormatException(OcppErrorCode.FormationViolation, "消息应为 OCPP-J 数组 [类型, 消息编号, …]");
            var id = root[1].ValueKind == JsonValueKind.String ? root[1].GetString()! : null;
            if (id is null || id.Length is 0 or > MaxUniqueIdLength)
                throw new OcppFormatException(OcppErrorCode.FormationViolation, "消息编号应为 1–36 个字符的字符串");
            if (root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var type))
                throw new OcppFormatException(OcppErrorCode.FormationViolation, "消息类型应为数字 2、3 或 4", id);
            switch (type)
            {
                case CallType when root.GetArrayLength() == 4:
                    if (root[2].ValueKind != JsonValueKind.String || root[2].GetString() is not { Length: > 0 and <= 64 } action)
                        throw new OcppFormatException(OcppErrorCode.FormationViolation, "CALL 的动作名应为字符串", id);
                    return new OcppCall(id, action, Payload(root[3], id));
                case CallResultType when root.GetArrayLength() == 3:
                    return new OcppCallResult(id, Payload(root[2], id));
                case CallErrorType when root.GetArrayLength() == 5:
                    if (root[2].ValueKind != JsonValueKind.String || root[3].ValueKind != JsonValueKind.String)
                        throw new OcppFormatException(OcppErrorCode.FormationViolation, "CALLERROR 的错误码和说明应为字符串", id);
                    return new OcppCallError(id, root[2].GetString()!, root[3].GetString()!, Payload(root[4], id));
                case CallType or CallResultType or CallErrorType:
                    throw new OcppFormatException(OcppErrorCode.FormationViolation, $"类型 {type} 的消息元素个数不对", id);
                default:
                    throw new OcppFormatException(OcppErrorCode.FormationViolation, $"未知的消息类型 {type}", id);
            }
        }
    }

    private static JsonElement Payload(JsonElement element, string id) => element.ValueKind == JsonValueKind.Object
        ? element.Clone()
        : throw new OcppFormatException(OcppErrorCode.FormationViolation, "消息负载应为 JSON 对象", id);

    private protected static string Array(params object?[] items) => JsonSerializer.Serialize(items, OcppJson.Options);
}

public sealed record OcppCall(string UniqueId, string Action, JsonElement Payload) : OcppFrame(UniqueId)
{
    public override string ToJson() => Array(CallType, UniqueId, Action, Payload);
}

public sealed record OcppCallResult(string UniqueId, JsonElement Payload) : OcppFrame(UniqueId)
{
    public override string ToJson() => Array(CallResultType, UniqueId, Payload);
}

public sealed record OcppCallError(string UniqueId, string ErrorCode, string Description, JsonElement Details) : OcppFrame(UniqueId)
{
    public override string ToJson() => Array(CallErrorType, UniqueId, ErrorCode, Description, Details);

    /// <summary>The answer to a message that failed <see cref="OcppFrame.Parse"/> or <see cref="OcppSchema"/>: OCPP-J
    /// answers a message whose id it could not read with the id "-1".</summary>
    public static OcppCallError For(OcppFormatException e) =>
        new(e.UniqueId ?? "-1", e.ErrorCode, e.Message, OcppJson.EmptyObject);
}

public static class OcppJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // OCPP leaves an optional field out; it never sends null.
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    public static byte[] Utf8(OcppFrame frame) => Encoding.UTF8.GetBytes(frame.ToJson());
}
