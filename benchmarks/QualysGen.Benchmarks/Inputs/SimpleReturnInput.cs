using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using QualysGen.Benchmarks.HandWritten.SimpleReturn;

namespace QualysGen.Benchmarks.Inputs;

/// <summary>
/// A SIMPLE_RETURN (simple_return.dtd) as a create call answers with <c>echo_request=1</c>: the REQUEST echo with its
/// parameters and URL-encoded POST_DATA, then the RESPONSE with the new ID. About 1.5 KB: what matters here is the
/// fixed cost of a parse (reader, settings, name table), not throughput.
/// </summary>
public sealed class SimpleReturnInput
{
    private static readonly Lazy<SimpleReturnInput> Instance = new(Create);

    private SimpleReturnInput(byte[] xml, SimpleReturnOutput expected)
    {
        Xml = xml;
        Expected = expected;
    }

    /// <summary>The document, UTF-8.</summary>
    public byte[] Xml { get; }

    /// <summary>What every parser must read from <see cref="Xml"/>.</summary>
    public SimpleReturnOutput Expected { get; }

    public static SimpleReturnInput Get() => Instance.Value;

    private static SimpleReturnInput Create()
    {
        var when = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        (string Key, string Value)[] parameters =
        [
            ("action", "create"),
            ("echo_request", "1"),
            ("title", "PCI & SOX compliance scan"),
            ("ip", "10.10.10.1-10.10.10.254,10.10.20.0/24"),
            ("option_title", "Initial Options"),
            ("iscanner_name", "scanner-dmz-1"),
            ("occurrence", "weekly"),
            ("frequency_weeks", "1"),
            ("weekdays", "monday,wednesday,friday"),
            ("start_date", "06/15/2024"),
            ("start_hour", "22"),
            ("start_minute", "30"),
            ("time_zone_code", "US-CA"),
            ("observe_dst", "yes"),
        ];

        var expected = new SimpleReturnOutput
        {
            Request = new Request
            {
                Datetime = when,
                UserLogin = "acme_ab12",
                Resource = "https://qualysapi.qualys.com/api/2.0/fo/schedule/scan/compliance/",
                Params = parameters.Select(p => new Param { Key = p.Key, Value = p.Value }).ToList(),
                PostData = string.Join("&", parameters.Select(p => p.Key + "=" + WebUtility.UrlEncode(p.Value))),
            },
            Response = new Response
            {
                Datetime = when,
                Text = "New compliance scan scheduled successfully",
                Items = [new Item { Key = "ID", Values = ["57368"] }],
            },
        };

        return new SimpleReturnInput(Write(expected), expected);
    }

    private static byte[] Write(SimpleReturnOutput output)
    {
        var w = new QualysXmlWriter("SIMPLE_RETURN", "https://qualysapi.qualys.com/api/2.0/simple_return.dtd");
        w.Start("SIMPLE_RETURN");
        var request = output.Request!;
        w.Start("REQUEST");
        w.Utc("DATETIME", request.Datetime);
        w.Text("USER_LOGIN", request.UserLogin);
        w.Text("RESOURCE", request.Resource);
        w.Start("PARAM_LIST");
        foreach (var p in request.Params ?? new List<Param>())
        {
            w.Start("PARAM");
            w.Cdata("KEY", p.Key);
            w.Cdata("VALUE", p.Value);
            w.End("PARAM");
        }

        w.End("PARAM_LIST");
        w.Cdata("POST_DATA", request.PostData);
        w.End("REQUEST");
        w.Start("RESPONSE");
        w.Utc("DATETIME", output.Response.Datetime);
        w.Text("CODE", output.Response.Code);
        w.Text("TEXT", output.Response.Text);
        w.Start("ITEM_LIST");
        foreach (var item in output.Response.Items ?? new List<Item>())
        {
            w.Start("ITEM");
            w.Text("KEY", item.Key);
            foreach (var value in item.Values ?? new List<string>())
            {
                w.Text("VALUE", value);
            }

            w.End("ITEM");
        }

        w.End("ITEM_LIST");
        w.End("RESPONSE");
        w.End("SIMPLE_RETURN");
        return w.ToUtf8();
    }
}
