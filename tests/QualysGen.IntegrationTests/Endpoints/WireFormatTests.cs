using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.IntegrationTests.Qualys.Scans;

namespace QualysGen.IntegrationTests.Endpoints;

/// <summary>Each parameter type is written the way the Qualys documentation spells it.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public void Flags_yes_no_dates_and_enums()
    {
        var request = new CreateComplianceScanScheduleRequest
        {
            ScanTitle = "t",
            Active = false,
            OptionId = 1,
            Ips = ["10.10.10.10", "10.10.10.11-10.10.10.20"],
            Occurrence = ScheduleOccurrence.Weekly,
            FrequencyWeeks = 2,
            Weekdays = [Weekday.Monday, Weekday.Friday],
            StartDate = new DateOnly(2020, 8, 20),
            StartHour = 22,
            StartMinute = 0,
            TimeZoneCode = "IN",
            ObserveDst = false,
            RecipientGroupIds = [12, 13],
            AfterNotify = true,
        }.Build();

        var sent = request.Query.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("0", sent["active"]);
        Assert.Equal("10.10.10.10,10.10.10.11-10.10.10.20", sent["ip"]);
        Assert.Equal("weekly", sent["occurrence"]);
        Assert.Equal("monday,friday", sent["weekdays"]);
        Assert.Equal("08/20/2020", sent["start_date"]);
        Assert.Equal("no", sent["observe_dst"]);
        Assert.Equal("12,13", sent["recipient_group_ids"]);
        Assert.Equal("1", sent["after_notify"]);
        Assert.False(sent.ContainsKey("target_from"), "a default is never sent");
    }

    [Fact]
    public void Date_times_are_sent_in_UTC_and_enums_as_spelled()
    {
        var request = new ListComplianceScansRequest
        {
            LaunchedAfterDatetime = new DateTimeOffset(2007, 1, 26, 1, 12, 0, TimeSpan.FromHours(2)),
            Type = ScanLaunchType.OnDemand,
            States = [ScanState.Running, ScanState.Queued],
        }.Build();

        Assert.Equal(
            new KeyValuePair<string, string>[] { new("action", "list"), new("type", "On-Demand"), new("launched_after_datetime", "2007-01-25T23:12:00Z"), new("state", "Running,Queued") }.OrderBy(p => p.Key),
            request.Query.OrderBy(p => p.Key));
        Assert.Equal("GET", request.Method.Method);
    }

    [Fact]
    public void The_query_is_escaped_on_the_wire()
    {
        var request = new UpdateComplianceScanScheduleRequest { Id = 1, ScanTitle = "Q&A scan #1" }.Build();

        Assert.Equal("/api/2.0/fo/schedule/scan/compliance/?action=update&id=1&scan_title=Q%26A%20scan%20%231", request.PathAndQuery);
    }
}
