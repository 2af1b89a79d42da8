using System;
using System.IO;
using System.Text;
using System.Xml;

namespace QualysGen.Responses;

/// <summary>
/// The <c>WARNING</c> a classic-API list appends as the last child of <c>RESPONSE</c> when it truncated the list:
/// <c>&lt;WARNING&gt;&lt;CODE&gt;1980&lt;/CODE&gt;&lt;TEXT&gt;1000 record limit exceeded. Use URL to get next batch of results.&lt;/TEXT&gt;&lt;URL&gt;&lt;![CDATA[https://.../?action=list&amp;id_min=2400356]]&gt;&lt;/URL&gt;&lt;/WARNING&gt;</c>.
/// </summary>
internal sealed class TruncationWarning
{
    /// <summary>The code Qualys uses for "record limit exceeded".</summary>
    public const string RecordLimitCode = "1980";

    private static readonly XmlReaderSettings FragmentSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
    };

    private TruncationWarning(string? code, string? text, string url)
    {
        Code = code;
        Text = text;
        Url = url;
    }

    public string? Code { get; }

    public string? Text { get; }

    /// <summary>The next batch's URL as sent (the CDATA content, so its <c>&amp;</c> are raw).</summary>
    public string Url { get; }

    /// <summary>
    /// Finds the warning in the last bytes of a document. The window holds only what follows the records the parser stopped at
    /// (plus the reader's read-ahead), so the last <c>&lt;WARNING</c> in it is the element; it is then read as real XML.
    /// Returns null when there is no warning with a URL, or when its <c>CODE</c> is another code.
    /// </summary>
    public static TruncationWarning? Find(byte[] tail)
    {
        var text = Encoding.UTF8.GetString(tail);
        var start = text.LastIndexOf("<WARNING", StringComparison.Ordinal);
        if (start < 0 || start + 8 >= text.Length || !(text[start + 8] is '>' or ' ' or '\t' or '\r' or '\n'))
        {
            return null;
        }

        var end = text.IndexOf("</WARNING>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        string? code = null, message = null, url = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text.Substring(start, end + "</WARNING>".Length - start)), FragmentSettings);
            reader.MoveToContent();
            if (reader.IsEmptyElement)
            {
                return null;
            }

            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && reader.NodeType != XmlNodeType.None)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Skip();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "CODE":
                        code = reader.ReadElementContentAsString().Trim();
                        break;
                    case "TEXT":
                        message = reader.ReadElementContentAsString().Trim();
                        break;
                    case "URL":
                        url = reader.ReadElementContentAsString().Trim();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        if (string.IsNullOrEmpty(url) || (code is not null && code != RecordLimitCode))
        {
            return null;
        }

        return new TruncationWarning(code, message, url!);
    }
}
