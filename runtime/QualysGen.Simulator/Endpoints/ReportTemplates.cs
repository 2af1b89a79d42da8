using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using QualysGen.Simulator.Http;

namespace QualysGen.Simulator.Endpoints;

/// <summary>
/// <c>POST /api/{2.0..7.0}/fo/report/template/scan/?action=create&amp;report_format=xml</c> with the template's XML as the body
/// (seed 004). Version 2.0 answers with the success sentence in <c>CODE</c> and an empty <c>TEXT</c>, as Qualys does; later
/// versions with a <c>TEXT</c> and the new ID in <c>ITEM_LIST</c>.
/// </summary>
internal static class ReportTemplates
{
    public static async Task CreateAsync(SimContext context)
    {
        if (context["action"] is not { } action)
        {
            await context.MissingAsync("action").ConfigureAwait(false);
            return;
        }

        if (action != "create")
        {
            await context.InvalidAsync("action", action).ConfigureAwait(false);
            return;
        }

        if (!context.IsPost)
        {
            await context.ErrorAsync(400, 1908, "Request method (GET or POST) is incompatible with specified parameter(s): action=create").ConfigureAwait(false);
            return;
        }

        if (context["report_format"] is not { } format)
        {
            await context.MissingAsync("report_format").ConfigureAwait(false);
            return;
        }

        if (format != "xml")
        {
            await context.InvalidAsync("report_format", format).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(context.Body))
        {
            await context.MissingAsync("POST data (the template XML)").ConfigureAwait(false);
            return;
        }

        string? title;
        try
        {
            var document = XDocument.Parse(context.Body);
            title = document.Descendants().FirstOrDefault(e => e.Name.LocalName.Contains("TITLE", System.StringComparison.OrdinalIgnoreCase) && e.Value.Trim().Length > 0)?.Value.Trim();
        }
        catch (XmlException)
        {
            await context.InvalidAsync("POST data", "(not well-formed XML)").ConfigureAwait(false);
            return;
        }

        var id = context.Simulator.State.Locked(() => context.Simulator.State.NewTemplate(context.Version, title, context.Body));
        var idText = id.ToString(CultureInfo.InvariantCulture);
        if (context.Version == "2.0")
        {
            await context.WriteAsync(200, "text/xml", QualysXml.SimpleReturn(context.ApiBase, context.Version, context.Now, $"Scan Report Template(s) Created Successfully [{idText}]", "", null)).ConfigureAwait(false);
            return;
        }

        await context.SimpleReturnAsync(200, "Scan Report Template(s) Successfully Created.", new KeyValuePair<string, string>("ID", idText)).ConfigureAwait(false);
    }
}
