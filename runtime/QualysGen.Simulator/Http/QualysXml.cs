using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace QualysGen.Simulator.Http;

/// <summary>Writes the documents the simulator sends, shaped like Qualys': XML declaration, DOCTYPE or schema location, CDATA text.</summary>
internal static class QualysXml
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        ConformanceLevel = ConformanceLevel.Document,
    };

    private static readonly XmlWriterSettings FragmentSettings = new()
    {
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        ConformanceLevel = ConformanceLevel.Fragment,
    };

    public static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A whole document: the declaration, then what <paramref name="write"/> writes (a DOCTYPE and the root).</summary>
    public static string Document(Action<XmlWriter> write)
    {
        var builder = new StringBuilder(Declaration);
        using (var writer = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), Settings))
        {
            write(writer);
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>An element (one record of a list) as text, to be written to the wire on its own.</summary>
    public static string Fragment(Action<XmlWriter> write)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), FragmentSettings))
        {
            write(writer);
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>Text in CDATA, as Qualys writes titles, targets and URLs.</summary>
    public static void CData(XmlWriter writer, string element, string text)
    {
        writer.WriteStartElement(element);
        if (text.Contains("]]>", StringComparison.Ordinal))
        {
            writer.WriteString(text);
        }
        else
        {
            writer.WriteCData(text);
        }

        writer.WriteEndElement();
    }

    public static string SimpleReturn(string apiBase, string version, DateTimeOffset now, string? code, string text, IReadOnlyList<KeyValuePair<string, string>>? items)
        => Document(writer =>
        {
            writer.WriteDocType("SIMPLE_RETURN", null, $"{apiBase}/api/{version}/simple_return.dtd", null);
            writer.WriteStartElement("SIMPLE_RETURN");
            writer.WriteStartElement("RESPONSE");
            writer.WriteElementString("DATETIME", Utc(now));
            if (code is not null)
            {
                writer.WriteElementString("CODE", code);
            }

            writer.WriteElementString("TEXT", text);
            if (items is { Count: > 0 })
            {
                writer.WriteStartElement("ITEM_LIST");
                foreach (var item in items)
                {
                    writer.WriteStartElement("ITEM");
                    writer.WriteElementString("KEY", item.Key);
                    writer.WriteElementString("VALUE", item.Value);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    public static string ServiceResponseStart(string apiBase, string xsd)
        => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           + $"<ServiceResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"{apiBase}/qps/xsd/{xsd}\">\n";

    public static string ServiceError(string apiBase, string xsd, string responseCode, string message, string? resolution)
    {
        var builder = new StringBuilder(ServiceResponseStart(apiBase, xsd));
        builder.Append(Fragment(writer =>
        {
            writer.WriteElementString("responseCode", responseCode);
            writer.WriteStartElement("responseErrorDetails");
            writer.WriteElementString("errorMessage", message);
            if (resolution is not null)
            {
                writer.WriteElementString("errorResolution", resolution);
            }

            writer.WriteEndElement();
        }));
        return builder.Append("</ServiceResponse>\n").ToString();
    }
}
