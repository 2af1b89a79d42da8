using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace QualysGen.Generator.Parsing.Xsd;

/// <summary>The text of the <c>xs:annotation/xs:documentation</c> of a schema component, as one line.</summary>
internal static class XsdDocumentation
{
    /// <summary>The words of every <c>xs:documentation</c> of <paramref name="annotated"/> joined by single spaces, or null when there are none.</summary>
    public static string? Of(XmlSchemaAnnotated? annotated)
    {
        if (annotated?.Annotation is not { } annotation)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var item in annotation.Items)
        {
            if (item is XmlSchemaDocumentation { Markup: { } markup })
            {
                foreach (var node in markup)
                {
                    // Text, CDATA and the text of markup such as <p>; not comments or processing instructions.
                    if (node is XmlCharacterData and not XmlComment || node is XmlElement)
                    {
                        AppendWords(builder, node!.InnerText);
                    }
                }
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static void AppendWords(StringBuilder builder, string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(text, start, i - start);
            }
        }
    }
}
