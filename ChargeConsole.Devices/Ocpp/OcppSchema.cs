using System.Globalization;
using System.Text.Json;

namespace ChargeConsole.Devices.Ocpp;

/// <summary>
/// The shape of every OCPP 1.6 payload the console reads or writes, written from the specification's message
/// definitions (types, required fields, CiString lengths, enumerations), and the check of a payload against it.
/// A failure names the first offending field and the OCPP-J error code: a missing required field is an
/// <c>OccurenceConstraintViolation</c>, a wrong JSON type a <c>TypeConstraintViolation</c>, a value out of its
/// length, range or enumeration a <c>PropertyConstraintViolation</c>, an unknown field a <c>FormationViolation</c>.
/// </summary>
public static partial class OcppSchema
{
    /// <summary>A field of an object payload.</summary>
    public abstract record Field(string Name, bool Required)
    {
        internal abstract string? Check(JsonElement value, string path, out string code);
    }

    public sealed record Text(string Name, int MaxLength, bool Required = false) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            if (value.ValueKind != JsonValueKind.String) return $"{path} 应为字符串";
            code = OcppErrorCode.PropertyConstraintViolation;
            return value.GetString()!.Length > MaxLength ? $"{path} 超过 {MaxLength} 个字符" : null;
        }
    }

    public sealed record Integer(string Name, bool Required = false, long Min = int.MinValue) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n)) return $"{path} 应为整数";
            code = OcppErrorCode.PropertyConstraintViolation;
            return n < Min ? $"{path} 不能小于 {Min}" : null;
        }
    }

    public sealed record Number(string Name, bool Required = false) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out _) ? null : $"{path} 应为数字";
        }
    }

    public sealed record Flag(string Name, bool Required = false) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{path} 应为 true 或 false";
        }
    }

    public sealed record Choice(string Name, IReadOnlySet<string> Values, bool Required = false) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            if (value.ValueKind != JsonValueKind.String) return $"{path} 应为字符串";
            code = OcppErrorCode.PropertyConstraintViolation;
            return Values.Contains(value.GetString()!) ? null : $"{path} 不是允许的取值";
        }
    }

    /// <summary>An RFC 3339 date-time, as OCPP-J sends every timestamp.</summary>
    public sealed record Timestamp(string Name, bool Required = false) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            if (value.ValueKind != JsonValueKind.String) return $"{path} 应为时间字符串";
            code = OcppErrorCode.PropertyConstraintViolation;
            return TryReadTime(value.GetString()!, out _) ? null : $"{path} 不是 RFC 3339 时间";
        }
    }

    public sealed record Nested(string Name, Shape Shape, bool Required = false) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code) => Shape.Check(value, path, out code);
    }

    public sealed record ListOf(string Name, Shape Item, bool Required = false, int MinItems = 0) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            if (value.ValueKind != JsonValueKind.Array) return $"{path} 应为数组";
            code = OcppErrorCode.OccurenceConstraintViolation;
            if (value.GetArrayLength() < MinItems) return $"{path} 至少应有 {MinItems} 项";
            if (value.GetArrayLength() > MaxListItems) { code = OcppErrorCode.PropertyConstraintViolation; return $"{path} 超过 {MaxListItems} 项"; }
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Item.Check(item, $"{path}[{i++}]", out code) is { } error) return error;
            }
            return null;
        }
    }

    /// <summary>A list of strings (configuration keys).</summary>
    public sealed record TextList(string Name, int MaxLength, bool Required = false) : Field(Name, Required)
    {
        internal override string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            if (value.ValueKind != JsonValueKind.Array) return $"{path} 应为数组";
            code = OcppErrorCode.PropertyConstraintViolation;
            if (value.GetArrayLength() > MaxListItems) return $"{path} 超过 {MaxListItems} 项";
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (new Text(Name, MaxLength).Check(item, $"{path}[{i++}]", out code) is { } error) return error;
            }
            return null;
        }
    }

    /// <summary>More items than any real pile sends in one list (meter samples, local list entries) are refused.</summary>
    public const int MaxListItems = 1000;

    /// <summary>An object payload: its fields; any other field is refused.</summary>
    public sealed record Shape(params Field[] Fields)
    {
        public string? Check(JsonElement value, string path, out string code)
        {
            code = OcppErrorCode.TypeConstraintViolation;
            if (value.ValueKind != JsonValueKind.Object) return $"{path} 应为对象";
            foreach (var property in value.EnumerateObject())
            {
                if (Fields.FirstOrDefault(f => f.Name == property.Name) is not { } field)
                {
                    code = OcppErrorCode.FormationViolation;
                    return $"{Join(path, property.Name)} 不是该消息的字段";
                }
                if (field.Check(property.Value, Join(path, property.Name), out code) is { } error) return error;
            }
            foreach (var field in Fields.Where(f => f.Required))
            {
                if (!value.TryGetProperty(field.Name, out _))
                {
                    code = OcppErrorCode.OccurenceConstraintViolation;
                    return $"缺少必填字段 {Join(path, field.Name)}";
                }
            }
            code = "";
            return null;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
    }

    /// <summary>Checks the payload of <paramref name="action"/> (a request, or with <paramref name="confirmation"/>
    /// its answer); throws the CALLERROR to send. An action the console does not know is <c>NotImplemented</c>.</summary>
    public static void Validate(string action, JsonElement payload, bool confirmation, string uniqueId)
    {
        var shapes = confirmation ? Confirmations : Requests;
        if (!shapes.TryGetValue(action, out var shape))
            throw new OcppFormatException(OcppErrorCode.NotImplemented, $"不支持的动作 {action}", uniqueId);
        if (shape.Check(payload, "", out var code) is { } error)
            throw new OcppFormatException(code, error, uniqueId);
    }

    public static bool Knows(string action, bool confirmation) => (confirmation ? Confirmations : Requests).ContainsKey(action);

    public static bool TryReadTime(string text, out DateTimeOffset time) =>
        text.Length is >= 20 and <= 40 && text[10] is 'T' or 't'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time)
        || Fail(out time);

    private static bool Fail(out DateTimeOffset time)
    {
        time = default;
        return false;
    }

    private static IReadOnlySet<string> Set(params string[] values) => new HashSet<string>(values, StringComparer.Ordinal);
}
