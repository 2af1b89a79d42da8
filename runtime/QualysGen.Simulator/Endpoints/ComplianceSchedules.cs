using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary>
/// <c>/api/2.0/fo/schedule/scan/compliance/</c>: <c>list</c> (GET or POST), <c>create</c>, <c>update</c>, <c>delete</c> (POST), with the
/// parameter rules of seed 003. Lists longer than the truncation limit end with a <c>WARNING</c> (code 1980) whose URL asks for the
/// next batch with <c>id_min</c>, as Qualys' other list APIs do.
/// </summary>
internal static class ComplianceSchedules
{
    private const string Path = "/api/2.0/fo/schedule/scan/compliance/";

    private static readonly Dictionary<string, string> TimeZones = new(StringComparer.Ordinal)
    {
        ["US-CA"] = "(GMT-0800) United States: America/Los_Angeles",
        ["US-NY"] = "(GMT-0500) United States: America/New_York",
        ["IN"] = "(GMT+0530) India: Asia/Kolkata",
        ["GB"] = "(GMT+0000) United Kingdom: Europe/London",
        ["DE"] = "(GMT+0100) Germany: Europe/Berlin",
    };

    public static Task HandleAsync(SimContext context) => context["action"] switch
    {
        null => context.MissingAsync("action"),
        "list" => ListAsync(context),
        "create" when !context.IsPost => MethodAsync(context, "create"),
        "update" when !context.IsPost => MethodAsync(context, "update"),
        "delete" when !context.IsPost => MethodAsync(context, "delete"),
        "create" => CreateAsync(context),
        "update" => UpdateAsync(context),
        "delete" => DeleteAsync(context),
        var other => context.InvalidAsync("action", other),
    };

    private static Task MethodAsync(SimContext context, string action)
        => context.ErrorAsync(400, 1908, $"Request method (GET or POST) is incompatible with specified parameter(s): action={action}");

    private static async Task ListAsync(SimContext context)
    {
        long? id = null, idMin = null;
        bool? active = null;
        var limit = context.Simulator.Options.TruncationLimit;
        if (context["id"] is { } idText)
        {
            if (!TryLong(idText, out var value))
            {
                await context.InvalidAsync("id", idText).ConfigureAwait(false);
                return;
            }

            id = value;
        }

        if (context["active"] is { } activeText)
        {
            if (activeText is not ("0" or "1"))
            {
                await context.InvalidAsync("active", activeText).ConfigureAwait(false);
                return;
            }

            active = activeText == "1";
        }

        if (context["id_min"] is { } minText)
        {
            if (!TryLong(minText, out var value))
            {
                await context.InvalidAsync("id_min", minText).ConfigureAwait(false);
                return;
            }

            idMin = value;
        }

        if (context["truncation_limit"] is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                await context.InvalidAsync("truncation_limit", limitText).ConfigureAwait(false);
                return;
            }
        }

        var showNotifications = context["show_notifications"] == "1";
        var all = context.Simulator.State.ComplianceSchedules
            .Where(s => (id is null || s.Id == id) && (active is null || s.Active == active) && (idMin is null || s.Id >= idMin))
            .ToList();
        var page = limit > 0 && all.Count > limit ? all.GetRange(0, limit) : all;
        var records = page.Select(s => Record(s, showNotifications)).ToList();

        var head = new StringBuilder(QualysXml.Declaration)
            .Append($"<!DOCTYPE COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT SYSTEM \"{context.ApiBase}{Path}compliance_schedule_scan_list_output.dtd\">\n")
            .Append("<COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>\n  <RESPONSE>\n")
            .Append($"    <DATETIME>{QualysXml.Utc(context.Now)}</DATETIME>\n");
        if (records.Count > 0)
        {
            head.Append("    <COMPLIANCE_SCHEDULE_SCAN_LIST>\n");
        }

        var tail = new StringBuilder();
        if (records.Count > 0)
        {
            tail.Append("    </COMPLIANCE_SCHEDULE_SCAN_LIST>\n");
        }

        if (page.Count < all.Count)
        {
            // Everything the caller asked for, with the next batch starting after the last record sent.
            var next = new StringBuilder(context.ApiBase).Append(Path).Append("?action=list");
            foreach (var (key, value) in context.Parameters)
            {
                if (key is not ("action" or "id_min"))
                {
                    next.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
                }
            }

            next.Append("&id_min=").Append(all[page.Count].Id.ToString(CultureInfo.InvariantCulture));
            tail.Append(QualysXml.Fragment(writer =>
            {
                writer.WriteStartElement("WARNING");
                writer.WriteElementString("CODE", "1980");
                writer.WriteElementString("TEXT", $"{limit} record limit exceeded. Use URL to get next batch of results.");
                writer.WriteStartElement("URL");
                writer.WriteCData(next.ToString());
                writer.WriteEndElement();
                writer.WriteEndElement();
            }));
        }

        tail.Append("  </RESPONSE>\n</COMPLIANCE_SCHEDULE_SCAN_LIST_OUTPUT>\n");
        await context.StreamAsync(200, "text/xml", head.ToString(), records, tail.ToString()).ConfigureAwait(false);
    }

    private static string Record(SimulatedComplianceSchedule s, bool showNotifications) => QualysXml.Fragment(writer =>
    {
        writer.WriteStartElement("SCAN");
        writer.WriteElementString("ID", QualysXml.Number(s.Id));
        writer.WriteElementString("ACTIVE", s.Active ? "1" : "0");
        QualysXml.CData(writer, "TITLE", s.Title);
        writer.WriteElementString("USER_LOGIN", s.UserLogin);
        QualysXml.CData(writer, "TARGET", s.Target);
        QualysXml.CData(writer, "NETWORK_ID", "0");
        if (s.ScannerName is not null)
        {
            QualysXml.CData(writer, "ISCANNER_NAME", s.ScannerName);
        }

        if (s.AssetGroups.Count > 0)
        {
            writer.WriteStartElement("ASSET_GROUP_TITLE_LIST");
            foreach (var group in s.AssetGroups)
            {
                QualysXml.CData(writer, "ASSET_GROUP_TITLE", group);
            }

            writer.WriteEndElement();
        }

        writer.WriteStartElement("OPTION_PROFILE");
        QualysXml.CData(writer, "TITLE", s.OptionProfile);
        writer.WriteElementString("DEFAULT_FLAG", "0");
        writer.WriteEndElement();

        writer.WriteStartElement("SCHEDULE");
        switch (s.Occurrence)
        {
            case "weekly":
                writer.WriteStartElement("WEEKLY");
                writer.WriteAttributeString("frequency_weeks", QualysXml.Number(s.Frequency));
                writer.WriteAttributeString("weekdays", WeekdayNumbers(s.Weekdays));
                writer.WriteEndElement();
                break;
            case "monthly":
                writer.WriteStartElement("MONTHLY");
                writer.WriteAttributeString("frequency_months", QualysXml.Number(s.Frequency));
                if (s.DayOfMonth is { } day)
                {
                    writer.WriteAttributeString("day_of_month", QualysXml.Number(day));
                }
                else
                {
                    writer.WriteAttributeString("day_of_week", QualysXml.Number(s.DayOfWeek ?? 0));
                    writer.WriteAttributeString("week_of_month", QualysXml.Number(s.WeekOfMonth ?? 1));
                }

                writer.WriteEndElement();
                break;
            default:
                writer.WriteStartElement("DAILY");
                writer.WriteAttributeString("frequency_days", QualysXml.Number(s.Frequency));
                writer.WriteEndElement();
                break;
        }

        writer.WriteElementString("START_DATE_UTC", QualysXml.Utc(s.StartDateUtc));
        writer.WriteElementString("START_HOUR", QualysXml.Number(s.StartHour));
        writer.WriteElementString("START_MINUTE", QualysXml.Number(s.StartMinute));
        if (s.EndAfterHours is { } hours)
        {
            writer.WriteElementString("END_AFTER_HOURS", QualysXml.Number(hours));
        }

        if (s.EndAfterMinutes is { } minutes)
        {
            writer.WriteElementString("END_AFTER_MINUTES", QualysXml.Number(minutes));
        }

        writer.WriteStartElement("TIME_ZONE");
        writer.WriteElementString("TIME_ZONE_CODE", s.TimeZoneCode);
        writer.WriteElementString("TIME_ZONE_DETAILS", TimeZones.TryGetValue(s.TimeZoneCode, out var details) ? details : "(GMT+0000) " + s.TimeZoneCode);
        writer.WriteEndElement();
        writer.WriteElementString("DST_SELECTED", s.ObserveDst ? "1" : "0");
        if (s.Recurrence is { } recurrence)
        {
            writer.WriteElementString("MAX_OCCURRENCE", QualysXml.Number(recurrence));
        }

        writer.WriteEndElement();
        if (showNotifications)
        {
            writer.WriteStartElement("NOTIFICATIONS");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static async Task CreateAsync(SimContext context)
    {
        if (Missing(context, "scan_title", "active", "occurrence", "start_hour", "start_minute", "time_zone_code") is { Length: > 0 } missing)
        {
            await context.MissingAsync(missing).ConfigureAwait(false);
            return;
        }

        if (context["option_id"] is null && context["option_title"] is null)
        {
            await context.MissingAsync("option_id or option_title").ConfigureAwait(false);
            return;
        }

        if (context["ip"] is null && context["asset_group_ids"] is null && context["asset_groups"] is null && context["target_from"] != "tags")
        {
            await context.ErrorAsync(400, 1922, "Please specify at least one of the following parameters: ip, asset_group_ids, asset_groups, target_from").ConfigureAwait(false);
            return;
        }

        var schedule = new SimulatedComplianceSchedule { UserLogin = context.Simulator.Options.UserName, StartDateUtc = context.Now.Date };
        if (await ApplyAsync(context, schedule, creating: true).ConfigureAwait(false))
        {
            var id = context.Simulator.State.Locked(() =>
            {
                schedule.Id = context.Simulator.State.NewScheduleId();
                context.Simulator.State.ScheduleTable[schedule.Id] = schedule;
                return schedule.Id;
            });
            await context.SimpleReturnAsync(200, "New compliance scan scheduled successfully", Item("ID", id)).ConfigureAwait(false);
        }
    }

    private static async Task UpdateAsync(SimContext context)
    {
        if (await FindAsync(context).ConfigureAwait(false) is not { } schedule)
        {
            return;
        }

        // Validate on a copy so that a refused update changes nothing.
        var copy = schedule.Clone();
        if (await ApplyAsync(context, copy, creating: false).ConfigureAwait(false))
        {
            context.Simulator.State.Locked(() => context.Simulator.State.ScheduleTable[copy.Id] = copy);
            await context.SimpleReturnAsync(200, "Edit scheduled Scan Completed successfully", Item("ID", copy.Id)).ConfigureAwait(false);
        }
    }

    private static async Task DeleteAsync(SimContext context)
    {
        if (await FindAsync(context).ConfigureAwait(false) is not { } schedule)
        {
            return;
        }

        context.Simulator.State.Locked(() => context.Simulator.State.ScheduleTable.Remove(schedule.Id));
        await context.SimpleReturnAsync(200, "Schedule scan deleted successfully", Item("ID", schedule.Id)).ConfigureAwait(false);
    }

    private static async Task<SimulatedComplianceSchedule?> FindAsync(SimContext context)
    {
        if (context["id"] is not { } idText)
        {
            await context.MissingAsync("id").ConfigureAwait(false);
            return null;
        }

        if (!TryLong(idText, out var id) || context.Simulator.State.Locked(() => context.Simulator.State.ScheduleTable.GetValueOrDefault(id)) is not { } schedule)
        {
            await context.InvalidAsync("id", idText, "no compliance scan schedule with this ID").ConfigureAwait(false);
            return null;
        }

        return schedule;
    }

    /// <summary>Applies the request's parameters to <paramref name="s"/>; answers with the first rule broken and returns false.</summary>
    private static async Task<bool> ApplyAsync(SimContext context, SimulatedComplianceSchedule s, bool creating)
    {
        if (context["option_id"] is not null && context["option_title"] is not null)
        {
            await context.ErrorAsync(400, 1904, "Please specify only one of these parameters: option_id, option_title").ConfigureAwait(false);
            return false;
        }

        if (context["iscanner_id"] is not null && context["iscanner_name"] is not null)
        {
            await context.ErrorAsync(400, 1904, "Please specify only one of these parameters: iscanner_id, iscanner_name").ConfigureAwait(false);
            return false;
        }

        if (context["end_after_mins"] is not null && context["end_after"] is null)
        {
            await context.ErrorAsync(400, 1907, "The following combination of key=value pairs is not supported: end_after_mins without end_after").ConfigureAwait(false);
            return false;
        }

        if (context["scan_title"] is { } title)
        {
            s.Title = title;
        }

        if (context["active"] is { } active)
        {
            if (active is not ("0" or "1"))
            {
                await context.InvalidAsync("active", active).ConfigureAwait(false);
                return false;
            }

            s.Active = active == "1";
        }

        if (context["option_title"] is { } optionTitle)
        {
            s.OptionProfile = optionTitle;
        }
        else if (context["option_id"] is { } optionId)
        {
            if (!TryLong(optionId, out _))
            {
                await context.InvalidAsync("option_id", optionId).ConfigureAwait(false);
                return false;
            }

            s.OptionProfile = "Option profile " + optionId;
        }

        if (context["iscanner_name"] is { } scanner)
        {
            s.ScannerName = scanner;
        }

        if (context["ip"] is { } ip)
        {
            s.Target = ip;
        }

        if (context["asset_groups"] is { } groups)
        {
            s.AssetGroups = groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        var occurrence = context["occurrence"];
        if (occurrence is not null || creating)
        {
            switch (occurrence)
            {
                case "daily":
                    if (!await RequireIntAsync(context, "frequency_days", 1, 365, v => s.Frequency = v).ConfigureAwait(false))
                    {
                        return false;
                    }

                    break;
                case "weekly":
                    if (!await RequireIntAsync(context, "frequency_weeks", 1, 52, v => s.Frequency = v).ConfigureAwait(false))
                    {
                        return false;
                    }

                    if (context["weekdays"] is not { } weekdays)
                    {
                        await context.MissingAsync("weekdays").ConfigureAwait(false);
                        return false;
                    }

                    s.Weekdays = weekdays;
                    break;
                case "monthly":
                    if (!await RequireIntAsync(context, "frequency_months", 1, 12, v => s.Frequency = v).ConfigureAwait(false))
                    {
                        return false;
                    }

                    if (context["day_of_month"] is not null)
                    {
                        if (!await RequireIntAsync(context, "day_of_month", 1, 31, v => s.DayOfMonth = v).ConfigureAwait(false))
                        {
                            return false;
                        }
                    }
                    else if (!await RequireIntAsync(context, "day_of_week", 0, 6, v => s.DayOfWeek = v).ConfigureAwait(false)
                             || !await RequireIntAsync(context, "week_of_month", 1, 5, v => s.WeekOfMonth = v).ConfigureAwait(false))
                    {
                        return false;
                    }

                    break;
                default:
                    await context.InvalidAsync("occurrence", occurrence).ConfigureAwait(false);
                    return false;
            }

            s.Occurrence = occurrence!;
        }

        if (context["start_hour"] is not null && !await RequireIntAsync(context, "start_hour", 0, 23, v => s.StartHour = v).ConfigureAwait(false))
        {
            return false;
        }

        if (context["start_minute"] is not null && !await RequireIntAsync(context, "start_minute", 0, 59, v => s.StartMinute = v).ConfigureAwait(false))
        {
            return false;
        }

        if (context["time_zone_code"] is { } zone)
        {
            s.TimeZoneCode = zone;
        }

        if (context["observe_dst"] is { } dst)
        {
            if (dst is not ("yes" or "no"))
            {
                await context.InvalidAsync("observe_dst", dst).ConfigureAwait(false);
                return false;
            }

            s.ObserveDst = dst == "yes";
        }

        if (context["start_date"] is { } date)
        {
            if (!DateTime.TryParseExact(date, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
            {
                await context.InvalidAsync("start_date", date, "expected mm/dd/yyyy").ConfigureAwait(false);
                return false;
            }

            s.StartDateUtc = new DateTimeOffset(start, TimeSpan.Zero);
        }

        s.StartDateUtc = new DateTimeOffset(s.StartDateUtc.Date, TimeSpan.Zero).AddHours(s.StartHour).AddMinutes(s.StartMinute);

        if (context["recurrence"] is not null && !await RequireIntAsync(context, "recurrence", 1, 99, v => s.Recurrence = v).ConfigureAwait(false))
        {
            return false;
        }

        if (context["end_after"] is not null && !await RequireIntAsync(context, "end_after", 0, 119, v => s.EndAfterHours = v).ConfigureAwait(false))
        {
            return false;
        }

        if (context["end_after_mins"] is not null && !await RequireIntAsync(context, "end_after_mins", 0, 59, v => s.EndAfterMinutes = v).ConfigureAwait(false))
        {
            return false;
        }

        return true;
    }

    private static async Task<bool> RequireIntAsync(SimContext context, string name, int min, int max, Action<int> set)
    {
        if (context[name] is not { } text)
        {
            await context.MissingAsync(name).ConfigureAwait(false);
            return false;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            await context.InvalidAsync(name, text, $"expected {min}-{max}").ConfigureAwait(false);
            return false;
        }

        set(value);
        return true;
    }

    /// <summary>The list output spells weekdays as numbers, "0,1,4,5" (Sunday = 0), whatever the request spelled.</summary>
    private static string WeekdayNumbers(string? weekdays)
    {
        string[] names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
        var days = (weekdays ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Array.IndexOf(names, d.ToLowerInvariant()) is var index and >= 0 ? index.ToString(CultureInfo.InvariantCulture) : d);
        return string.Join(",", days);
    }

    private static string[] Missing(SimContext context, params string[] names) => names.Where(n => context[n] is null).ToArray();

    private static bool TryLong(string text, out long value) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static KeyValuePair<string, string> Item(string key, long value) => new(key, value.ToString(CultureInfo.InvariantCulture));
}
