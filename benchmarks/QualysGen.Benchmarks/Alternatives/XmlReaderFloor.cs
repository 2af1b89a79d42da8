using System.IO;
using System.Xml;
using QualysGen.Xml;

namespace QualysGen.Benchmarks.Alternatives;

/// <summary>
/// The floor: one pass of an <see cref="XmlReader"/> with the generated parsers' settings
/// (<see cref="XmlParsing.CreateSettings"/>, reused like theirs) that materializes every text, CDATA and attribute value
/// as a string and builds nothing. No parser that reads all the values through XmlReader can be faster.
/// </summary>
public static class XmlReaderFloor
{
    private static readonly XmlReaderSettings Settings = XmlParsing.CreateSettings(new NameTable());
    private static readonly XmlReaderSettings AsyncSettings = AsyncReaderSettings();

    /// <summary>The same settings for an asynchronous pass (the floor of an async reader; the parsers themselves read synchronously).</summary>
    private static XmlReaderSettings AsyncReaderSettings()
    {
        var settings = XmlParsing.CreateSettings(new NameTable());
        settings.Async = true;
        return settings;
    }

    /// <summary>Reads the document; returns the number of characters of all values (what the smoke test checks).</summary>
    public static long Read(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        long characters = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            characters += reader.Value.Length;
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    characters += reader.Value.Length;
                    break;
            }
        }

        return characters;
    }

    /// <summary>The same pass through the asynchronous API (the settings the generated streaming methods use).</summary>
    public static async System.Threading.Tasks.Task<long> ReadAsync(Stream stream)
    {
        using var reader = XmlReader.Create(stream, AsyncSettings);
        long characters = 0;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            characters += reader.Value.Length;
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    characters += (await reader.GetValueAsync().ConfigureAwait(false)).Length;
                    break;
            }
        }

        return characters;
    }
}
