using System;
using System.Linq;
using QualysGen.IntegrationTests.Qualys.Assets;
using QualysGen.IntegrationTests.Qualys.KnowledgeBase;
using QualysGen.IntegrationTests.Qualys.Scans;
using QualysGen.IntegrationTests.Qualys.Was;
using QualysGen.IntegrationTests.Qualys.Zuora;
using QualysGen.Requests;

namespace QualysGen.IntegrationTests.Endpoints;

/// <summary>
/// Each documented rule, checked by <c>Build()</c> before anything is sent: a request that keeps it builds, one that breaks it throws a
/// <see cref="QualysParameterException"/> (an <see cref="ArgumentException"/>) naming the parameters and the rule.
/// </summary>
public sealed class RuleTests
{
    /// <summary>The first sample of seed 003: a daily compliance scan schedule.</summary>
    private static readonly CreateComplianceScanScheduleRequest Daily = new()
    {
        ScanTitle = "My Scan Schedule api6",
        Active = true,
        OptionId = 76960,
        AssetGroups = ["policyred7"],
        Occurrence = ScheduleOccurrence.Daily,
        FrequencyDays = 5,
        TimeZoneCode = "US-CA",
        StartHour = 14,
        StartMinute = 0,
    };

    [Fact]
    public void The_seed_sample_request_keeps_every_rule()
        => Assert.Equal("create", Daily.Build().Query[0].Value);

    // --- one-of-required -------------------------------------------------------------------------------------------------

    [Fact]
    public void One_of_required_fails_when_none_is_given()
    {
        var error = Broken(() => (Daily with { OptionId = null }).Build(), QualysParameterRule.OneOfRequired, "option_id", "option_title");

        Assert.Equal("One of option_id, option_title is required (rule: one-of-required)", error.Message);
        Assert.Null(error.ParamName);
    }

    [Fact]
    public void One_of_required_passes_with_either()
    {
        (Daily with { OptionId = null, OptionTitle = "Initial Options" }).Build();
        new EditVulnerabilityRequest { Qid = 150198, ThreatComment = "seen in the wild" }.Build();
    }

    [Fact]
    public void At_least_one_optional_parameter_is_mandatory_on_a_vulnerability_edit()
        => Broken(() => new EditVulnerabilityRequest { Qid = 150198 }.Build(), QualysParameterRule.OneOfRequired, "severity", "disable", "threat_comment", "impact_comment", "solution_comment");

    [Fact]
    public void A_conditional_one_of_required_applies_only_under_its_condition()
    {
        var error = Broken(() => (Daily with { AssetGroups = null }).Build(), QualysParameterRule.OneOfRequired, "ip", "asset_groups", "asset_group_ids");
        Assert.Contains("when target_from=assets", error.Message, StringComparison.Ordinal);

        (Daily with { AssetGroups = null, TargetFrom = ScanTargetSource.Tags, TagSetInclude = ["Cloud Agent"] }).Build();
    }

    // --- mutually exclusive ----------------------------------------------------------------------------------------------

    [Fact]
    public void Mutually_exclusive_fails_when_both_are_given()
    {
        var error = Broken(() => new ListComplianceScanSchedulesRequest { ClientId = 7, ClientName = "Acme" }.Build(), QualysParameterRule.MutuallyExclusive, "client_id", "client_name");

        Assert.StartsWith("client_id and client_name are mutually exclusive", error.Message, StringComparison.Ordinal);
        Broken(() => (Daily with { IscannerIds = [1], IscannerNames = ["pyscandsp"] }).Build(), QualysParameterRule.MutuallyExclusive, "iscanner_id", "iscanner_name");
        Broken(() => (Daily with { OptionTitle = "Initial Options" }).Build(), QualysParameterRule.MutuallyExclusive, "option_id", "option_title");
    }

    [Fact]
    public void Mutually_exclusive_passes_with_one_or_none()
    {
        new ListComplianceScanSchedulesRequest { ClientId = 7 }.Build();
        new ListComplianceScanSchedulesRequest { ClientName = "Acme" }.Build();
        new ListComplianceScanSchedulesRequest().Build();
    }

    // --- must be together ------------------------------------------------------------------------------------------------

    [Fact]
    public void Together_fails_when_the_dependent_parameter_comes_alone()
    {
        var error = Broken(() => (Daily with { EndAfterMins = 45 }).Build(), QualysParameterRule.Together, "end_after_mins");

        Assert.Equal("EndAfterMins", error.ParamName);
        Assert.StartsWith("end_after_mins must be given together with end_after (rule: must-be-together)", error.Message, StringComparison.Ordinal);
        Broken(() => (Daily with { ResumeInHours = 5, PauseAfterHours = 1 }).Build(), QualysParameterRule.Together, "resume_in_hours");
    }

    [Fact]
    public void Together_passes_with_both_or_with_the_other_alone()
    {
        (Daily with { EndAfter = 0, EndAfterMins = 45 }).Build();
        (Daily with { EndAfter = 2 }).Build();
        (Daily with { PauseAfterHours = 1, ResumeInDays = "0", ResumeInHours = 5 }).Build();
    }

    [Fact]
    public void All_or_none_fails_with_part_of_the_group()
    {
        var error = Broken(() => new UpdateComplianceScanScheduleRequest { Id = 57360, SetStartTime = true, StartHour = 3 }.Build(), QualysParameterRule.Together,
            "set_start_time", "start_date", "start_hour", "start_minute", "time_zone_code", "observe_dst");

        Assert.Contains("must be given together (all or none)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_or_none_passes_with_all_or_none()
    {
        new UpdateComplianceScanScheduleRequest { Id = 57360, OptionId = 39594 }.Build();
        new UpdateComplianceScanScheduleRequest
        {
            Id = 57360, SetStartTime = true, StartDate = new DateOnly(2026, 12, 1), StartHour = 3, StartMinute = 30, TimeZoneCode = "US-CA", ObserveDst = true,
        }.Build();
    }

    [Fact]
    public void Day_in_nth_week_needs_both_of_its_parameters()
    {
        var monthly = Daily with { Occurrence = ScheduleOccurrence.Monthly, FrequencyDays = null, FrequencyMonths = 1 };

        Broken(() => (monthly with { DayOfWeek = 2 }).Build(), QualysParameterRule.Together, "day_of_week", "week_of_month");
        (monthly with { DayOfWeek = 2, WeekOfMonth = WeekOfMonth.Second }).Build();
        (monthly with { DayOfMonth = 20 }).Build();
        Broken(() => monthly.Build(), QualysParameterRule.OneOfRequired, "day_of_month", "day_of_week");
        Broken(() => (monthly with { DayOfMonth = 20, DayOfWeek = 2, WeekOfMonth = WeekOfMonth.Last }).Build(), QualysParameterRule.MutuallyExclusive, "day_of_month", "day_of_week");
    }

    // --- valid only when -------------------------------------------------------------------------------------------------

    [Fact]
    public void Valid_only_when_fails_outside_its_condition()
    {
        // target_from is not given, so Qualys assumes "assets": a tag set does not apply.
        var error = Broken(() => (Daily with { TagSetInclude = ["Cloud Agent"] }).Build(), QualysParameterRule.ValidOnlyWhen, "tag_set_include");

        Assert.Equal("TagSetInclude", error.ParamName);
        Assert.StartsWith("tag_set_include is valid only when target_from=tags (rule: valid-only-when)", error.Message, StringComparison.Ordinal);
        Broken(() => (Daily with { TargetFrom = ScanTargetSource.Tags, TagSetInclude = ["Cloud Agent"] }).Build(), QualysParameterRule.ValidOnlyWhen, "asset_groups");
        Broken(() => (Daily with { FrequencyWeeks = 2 }).Build(), QualysParameterRule.ValidOnlyWhen, "frequency_weeks");
        Broken(() => (Daily with { AssetGroups = null, Ips = ["10.10.10.10"], ScannersInAg = true }).Build(), QualysParameterRule.ValidOnlyWhen, "scanners_in_ag");
    }

    [Fact]
    public void Valid_only_when_passes_under_its_condition()
    {
        (Daily with { AssetGroups = null, TargetFrom = ScanTargetSource.Tags, TagSetInclude = ["Cloud Agent"], TagIncludeSelector = TagSelector.All }).Build();
        (Daily with { ScannersInAg = true }).Build();
    }

    [Fact]
    public void Valid_only_when_with_alternatives_or_a_negation()
    {
        Broken(() => (Daily with { RecipientGroupIds = [12] }).Build(), QualysParameterRule.ValidOnlyWhen, "recipient_group_ids");
        (Daily with { RecipientGroupIds = [12], AfterNotify = true }).Build();

        // "Not valid when before_notify=0": on an update that leaves before_notify as it was, the unit may change.
        Broken(() => new UpdateComplianceScanScheduleRequest { Id = 1, BeforeNotify = false, BeforeNotifyUnit = NotificationUnit.Days }.Build(), QualysParameterRule.ValidOnlyWhen, "before_notify_unit");
        new UpdateComplianceScanScheduleRequest { Id = 1, BeforeNotifyUnit = NotificationUnit.Days }.Build();
    }

    // --- required when ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Required_when_fails_under_its_condition()
    {
        var error = Broken(() => (Daily with { FrequencyDays = null }).Build(), QualysParameterRule.RequiredWhen, "frequency_days");

        Assert.Equal("FrequencyDays", error.ParamName);
        Assert.StartsWith("frequency_days is required when occurrence=daily (rule: required-when)", error.Message, StringComparison.Ordinal);
        Broken(() => (Daily with { BeforeNotify = true }).Build(), QualysParameterRule.RequiredWhen, "before_notify_unit");
        Broken(() => (Daily with { Occurrence = ScheduleOccurrence.Weekly, FrequencyDays = null, FrequencyWeeks = 1 }).Build(), QualysParameterRule.RequiredWhen, "weekdays");
        Broken(() => new LaunchComplianceScanRequest { OptionId = 1, Ips = ["10.0.0.1"], IncludeAgentTargets = true }.Build(), QualysParameterRule.OneOfRequired, "iscanner_id", "iscanner_name");
    }

    [Fact]
    public void Required_when_passes_when_given_or_outside_its_condition()
    {
        (Daily with { BeforeNotify = true, BeforeNotifyUnit = NotificationUnit.Hours, BeforeNotifyTime = 20 }).Build();
        (Daily with { Occurrence = ScheduleOccurrence.Weekly, FrequencyDays = null, FrequencyWeeks = 1, Weekdays = [Weekday.Sunday, Weekday.Wednesday] }).Build();
        new LaunchComplianceScanRequest { OptionId = 1, Ips = ["10.0.0.1"], IncludeAgentTargets = true, IscannerNames = ["pyscandsp"] }.Build();
    }

    // --- single parameters -----------------------------------------------------------------------------------------------

    [Fact]
    public void A_number_out_of_range_is_refused()
    {
        var error = Broken(() => new EditVulnerabilityRequest { Qid = 150198, Severity = 6 }.Build(), QualysParameterRule.Range, "severity");

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal("Severity", error.ParamName);
        Assert.StartsWith("severity must be from 1 to 5; it is 6 (rule: range)", error.Message, StringComparison.Ordinal);
        Broken(() => (Daily with { StartHour = 24 }).Build(), QualysParameterRule.Range, "start_hour");
        Broken(() => new CreateVirtualHostRequest { Ip = "10.0.0.1", Port = 0, Fqdns = ["a.example"] }.Build(), QualysParameterRule.Range, "port");
        new EditVulnerabilityRequest { Qid = 150198, Severity = 5 }.Build();
    }

    [Fact]
    public void A_text_over_its_maximum_length_is_refused()
    {
        var error = Broken(() => (Daily with { ScanTitle = new string('x', 2001) }).Build(), QualysParameterRule.MaxLength, "scan_title");

        Assert.StartsWith("scan_title may be at most 2000 characters long; it is 2001", error.Message, StringComparison.Ordinal);
        (Daily with { ScanTitle = new string('x', 2000) }).Build();
    }

    [Fact]
    public void A_required_text_or_list_must_not_be_empty()
    {
        Broken(() => (Daily with { TimeZoneCode = "" }).Build(), QualysParameterRule.Required, "time_zone_code");
        Broken(() => (Daily with { TimeZoneCode = null! }).Build(), QualysParameterRule.Required, "time_zone_code");
        Broken(() => new CreateVirtualHostRequest { Ip = "10.0.0.1", Port = 80, Fqdns = [] }.Build(), QualysParameterRule.Required, "fqdn");
        Broken(() => new CancelReportRunRequest { ReportRunId = "" }.Build(), QualysParameterRule.Required, "ReportRunId");
    }

    [Fact]
    public void A_list_item_that_would_split_is_refused()
    {
        var error = Broken(() => (Daily with { AssetGroups = ["a,b"] }).Build(), QualysParameterRule.Value, "asset_groups");

        Assert.Contains("asset_groups[0] holds a comma", error.Message, StringComparison.Ordinal);
        Broken(() => (Daily with { AssetGroups = [""] }).Build(), QualysParameterRule.Value, "asset_groups");
    }

    [Fact]
    public void An_undefined_enum_value_is_refused()
        => Broken(() => (Daily with { TargetFrom = (ScanTargetSource)42 }).Build(), QualysParameterRule.Value, "target_from");

    [Fact]
    public void A_qps_delete_needs_at_least_one_filter()
    {
        Broken(() => new DeleteWasScansRequest { Filters = [] }.Build(), QualysParameterRule.Required, "filters");
        Broken(() => new DeleteWasScansRequest { Filters = [default] }.Build(), QualysParameterRule.Value, "filters");
        Assert.Throws<QualysParameterException>(() => WasScanFilter.Id.In());
    }

    private static QualysParameterException Broken(Action build, QualysParameterRule rule, params string[] parameters)
    {
        var error = Assert.Throws<QualysParameterException>(build);
        Assert.Equal(rule, error.Rule);
        Assert.Equal(parameters, error.Parameters.ToArray());
        foreach (var parameter in parameters)
        {
            Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        }

        return error;
    }
}
