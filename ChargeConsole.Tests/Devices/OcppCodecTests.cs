using System.Text;
using ChargeConsole.Devices.Ocpp;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Devices;

/// <summary>
/// Issue 23: what an OCPP 1.6J charge point's messages are read as, and which CALLERROR a bad one gets. The
/// messages are written by hand from the specification's examples and field tables.
/// </summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class OcppCodecTests
{
    private static OcppFrame Parse(string json) => OcppFrame.Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses and checks a CALL as the console would; the error it answers with, or null.</summary>
    private static (string Code, string Id)? ErrorFor(string json)
    {
        try
        {
            var frame = Parse(json);
            if (frame is OcppCall call) OcppSchema.Validate(call.Action, call.Payload, confirmation: false, call.UniqueId);
            return null;
        }
        catch (OcppFormatException e)
        {
            var error = OcppCallError.For(e);
            return (error.ErrorCode, error.UniqueId);
        }
    }

    [Fact]
    public void A_boot_notification_from_the_specification_is_read_with_its_id_action_and_fields()
    {
        var frame = Parse("""[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]""");

        var call = Assert.IsType<OcppCall>(frame);
        Assert.Equal("19223201", call.UniqueId);
        Assert.Equal("BootNotification", call.Action);
        Assert.Equal("SingleSocketCharger", call.Payload.GetProperty("chargePointModel").GetString());
        OcppSchema.Validate(call.Action, call.Payload, false, call.UniqueId);
    }

    [Fact]
    public void Results_and_errors_from_a_charge_point_are_read()
    {
        var result = Assert.IsType<OcppCallResult>(Parse("""[3,"a1",{"status":"Accepted"}]"""));
        Assert.Equal("Accepted", result.Payload.GetProperty("status").GetString());
        var error = Assert.IsType<OcppCallError>(Parse("""[4,"a2","NotSupported","no reservations",{}]"""));
        Assert.Equal(("a2", "NotSupported", "no reservations"), (error.UniqueId, error.ErrorCode, error.Description));
    }

    [Theory]
    [InlineData("not json at all", "FormationViolation", "-1")]
    [InlineData("""{"action":"Heartbeat"}""", "FormationViolation", "-1")]
    [InlineData("""[2,"1","Heartbeat"]""", "FormationViolation", "1")]
    [InlineData("""[2,1,"Heartbeat",{}]""", "FormationViolation", "-1")]
    [InlineData("""[2,"1234567890123456789012345678901234567","Heartbeat",{}]""", "FormationViolation", "-1")]
    [InlineData("""[7,"5","Heartbeat",{}]""", "FormationViolation", "5")]
    [InlineData("""[2,"6","Heartbeat",[]]""", "FormationViolation", "6")]
    [InlineData("""[2,"7","FlyToTheMoon",{}]""", "NotImplemented", "7")]
    [InlineData("""[2,"8","BootNotification",{"chargePointVendor":"VendorX"}]""", "OccurenceConstraintViolation", "8")]
    [InlineData("""[2,"9","BootNotification",{"chargePointVendor":"ABCDEFGHIJKLMNOPQRSTU","chargePointModel":"M"}]""", "PropertyConstraintViolation", "9")]
    [InlineData("""[2,"10","StatusNotification",{"connectorId":"1","errorCode":"NoError","status":"Available"}]""", "TypeConstraintViolation", "10")]
    [InlineData("""[2,"11","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]""", "PropertyConstraintViolation", "11")]
    [InlineData("""[2,"12","StatusNotification",{"connectorId":-1,"errorCode":"NoError","status":"Available"}]""", "PropertyConstraintViolation", "12")]
    [InlineData("""[2,"13","Heartbeat",{"extra":1}]""", "FormationViolation", "13")]
    [InlineData("""[2,"14","StartTransaction",{"connectorId":1,"idTag":"CARD1","meterStart":0,"timestamp":"yesterday"}]""", "PropertyConstraintViolation", "14")]
    [InlineData("""[2,"15","StartTransaction",{"connectorId":1,"idTag":"CARD1","meterStart":1.5,"timestamp":"2026-12-03T08:00:00Z"}]""", "TypeConstraintViolation", "15")]
    [InlineData("""[2,"16","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-12-03T08:00:00Z","sampledValue":[{"unit":"kWh"}]}]}]""", "OccurenceConstraintViolation", "16")]
    [InlineData("""[2,"17","MeterValues",{"connectorId":1,"meterValue":[]}]""", "OccurenceConstraintViolation", "17")]
    [InlineData("""[2,"18","StopTransaction",{"meterStop":100,"timestamp":"2026-12-03T08:00:00+08:00","transactionId":1,"reason":"Bored"}]""", "PropertyConstraintViolation", "18")]
    public void A_bad_message_gets_the_callerror_the_specification_names(string json, string code, string id)
    {
        Assert.Equal((code, id), ErrorFor(json));
    }

    [Fact]
    public void The_error_names_the_field_in_a_nested_list()
    {
        var e = Assert.Throws<OcppFormatException>(() => OcppSchema.Validate("MeterValues", ((OcppCall)Parse(
            """[2,"1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-12-03T08:00:00Z","sampledValue":[{"value":"1"},{"value":"2","measurand":"Mood"}]}]}]""")).Payload, false, "1"));
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, e.ErrorCode);
        Assert.Equal("meterValue[0].sampledValue[1].measurand 不是允许的取值", e.Message);
    }

    [Fact]
    public void A_list_longer_than_any_pile_sends_is_refused()
    {
        var samples = string.Join(",", Enumerable.Repeat("""{"value":"1"}""", 1001));
        var e = Assert.Throws<OcppFormatException>(() => OcppSchema.Validate("MeterValues", ((OcppCall)Parse(
            $$"""[2,"1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-12-03T08:00:00Z","sampledValue":[{{samples}}]}]}]""")).Payload, false, "1"));
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, e.ErrorCode);
    }

    [Fact]
    public void A_callerror_is_written_as_the_five_element_array()
    {
        var error = OcppCallError.For(new OcppFormatException(OcppErrorCode.FormationViolation, "消息不是合法的 JSON"));
        Assert.Equal("""[4,"-1","FormationViolation","消息不是合法的 JSON",{}]""", error.ToJson());
    }

    [Fact]
    public void What_the_console_answers_and_sends_passes_the_same_checks()
    {
        var boot = (OcppCallResult)Parse("""[3,"1",{"status":"Accepted","currentTime":"2026-12-03T08:00:00.000Z","interval":300}]""");
        OcppSchema.Validate("BootNotification", boot.Payload, confirmation: true, "1");
        var reset = (OcppCall)Parse("""[2,"2","Reset",{"type":"Soft"}]""");
        OcppSchema.Validate("Reset", reset.Payload, confirmation: false, "2");
        var configuration = (OcppCallResult)Parse("""[3,"3",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}],"unknownKey":["Foo"]}]""");
        OcppSchema.Validate("GetConfiguration", configuration.Payload, confirmation: true, "3");
        var badBoot = (OcppCallResult)Parse("""[3,"4",{"status":"Maybe","currentTime":"2026-12-03T08:00:00Z","interval":300}]""");
        Assert.Throws<OcppFormatException>(() => OcppSchema.Validate("BootNotification", badBoot.Payload, confirmation: true, "4"));
    }
}
