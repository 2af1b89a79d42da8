using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using QualysGen.Xml;
using Xunit;

namespace QualysGen.Runtime.Tests;

/// <summary>
/// The indentation a worker takes out of a batch before reading it: the reader must report exactly what it reports for the
/// batch as it came (every node, name, value and attribute), and fail wherever the batch as it came fails, or the batch's
/// results would differ from a single thread's without a word.
/// </summary>
public sealed class IndentationRemoverTests
{
    /// <summary>The settings a worker reads a batch with: the generated parsers' own, for a fragment.</summary>
    private static readonly XmlReaderSettings Settings = BatchSettings();

    private static XmlReaderSettings BatchSettings()
    {
        var settings = XmlParsing.CreateSettings(new NameTable());
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        return settings;
    }

    [Theory]
    [InlineData("<A>\n    <B>1</B>\n    <C>\n        <![CDATA[x]]>\n    </C>\n</A>", "<A><B>1</B><C><![CDATA[x]]></C></A>")]
    [InlineData("<A>\r\n\t<B/>\r\n</A>", "<A><B/></A>")]
    [InlineData("<A>\n  <!-- c -->\n  <?p i?>\n  <B/>\n</A>", "<A><!-- c --><?p i?><B/></A>")]
    [InlineData("<A>  <B/>  </A>", null)]                                             // no line break: kept
    [InlineData("<A>x >\n  <B/></A>", null)]                                           // the '>' is text
    [InlineData("<A b=\"1>2\">\n  <B/></A>", null)]                                    // a '>' in a value looks like text: kept
    [InlineData("<A><![CDATA[<a>\n  <b>]]>\n  <B/></A>", null)]                      // the CDATA section is data (and its
    [InlineData("<A><!-- <a>\n  <b> -->\n  <B/></A>", null)]                          // '>' before "]]>" keeps the run after it)
    [InlineData("<A><![CDATA[a]]>\n  <B/><!-- c -->\n  <C/></A>", "<A><![CDATA[a]]><B/><!-- c --><C/></A>")]
    [InlineData("<A xml:space=\"preserve\">\n  <B/></A>", null)]                       // whitespace is data there
    [InlineData("<!DOCTYPE A>\n<A>\n  <B/></A>", null)]                                // any other "<!": read as it came
    [InlineData("<A>\n  <![CDATA[never closed\n  <B/></A>", null)]
    public void Takes_out_only_the_runs_a_reader_drops(string xml, string? expected)
    {
        var destination = new byte[xml.Length];
        var length = IndentationRemover.Remove(Encoding.UTF8.GetBytes(xml), destination);
        Assert.Equal(expected, length < 0 ? null : Encoding.UTF8.GetString(destination, 0, length));
    }

    /// <summary>
    /// A whole response: what comes before its root (byte order mark, declaration, DOCTYPE) is kept as it came, the rest loses
    /// its indentation; a response in an encoding whose markup is not ASCII's, or with an internal DTD subset, is read as it came.
    /// </summary>
    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE A SYSTEM \"https://x/a.dtd\">\n<A>\n  <B/>\n</A>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE A SYSTEM \"https://x/a.dtd\">\n<A><B/></A>\n")]
    [InlineData("<!DOCTYPE A SYSTEM 'a>b.dtd'>\n<A>\n  <B/></A>", "<!DOCTYPE A SYSTEM 'a>b.dtd'>\n<A><B/></A>")]   // a '>' in an identifier
    [InlineData("<?xml version='1.0' encoding = 'ISO-8859-1' ?>\n<A>\n  <B/></A>", "<?xml version='1.0' encoding = 'ISO-8859-1' ?>\n<A><B/></A>")]
    [InlineData("<?xml version=\"1.0\" standalone=\"yes\"?><A>\n  <B/></A>", "<?xml version=\"1.0\" standalone=\"yes\"?><A><B/></A>")]
    [InlineData("<A>\n  <B/></A>", "<A><B/></A>")]
    [InlineData("<!DOCTYPE A [ <!ENTITY e \"x\"> ]>\n<A>\n  <B/></A>", null)]       // an internal subset
    [InlineData("<!DOCTYPE A SYSTEM \"a.dtd\"\n<A>\n  <B/></A>", null)]                 // a DOCTYPE never closed
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<A>\n  <B/></A>", null)]  // declared so, whatever the bytes
    [InlineData("<?xml version=\"1.0\" encoding=\"x-no-such-thing\"?>\n<A>\n  <B/></A>", null)]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"\n<A>\n  <B/></A>", null)]      // a declaration never closed
    [InlineData("<!-- c -->\n<!DOCTYPE A SYSTEM \"a.dtd\">\n<A>\n  <B/></A>", null)]       // a DOCTYPE after a comment: "<!" the batch rule refuses
    [InlineData("<?xml version=\"1.0\"?>\n<A>  <B/>  </A>", null)]                       // nothing to take out
    public void A_whole_response_keeps_what_comes_before_its_root(string xml, string? expected)
    {
        var destination = new byte[xml.Length];
        var length = IndentationRemover.RemoveFromDocument(Encoding.UTF8.GetBytes(xml), destination, out _);
        Assert.Equal(expected, length < 0 ? null : Encoding.UTF8.GetString(destination, 0, length));
    }

    [Fact]
    public void A_whole_response_keeps_a_UTF_8_byte_order_mark_and_refuses_UTF_16_and_UTF_32()
    {
        const string xml = "<A>\n  <B/></A>";
        var withMark = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(xml)).ToArray();
        var destination = new byte[withMark.Length];
        var length = IndentationRemover.RemoveFromDocument(withMark, destination, out _);
        Assert.Equal(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<A><B/></A>")), destination.Take(length));

        foreach (var encoding in new Encoding[] { Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF32 })
        {
            foreach (var bytes in new[] { encoding.GetPreamble().Concat(encoding.GetBytes(xml)).ToArray(), encoding.GetBytes(xml) })
            {
                Assert.Equal(-1, IndentationRemover.RemoveFromDocument(bytes, new byte[bytes.Length], out _));
            }
        }
    }

    [Fact]
    public void Runs_longer_than_a_block_and_across_blocks_are_taken_out()
    {
        var xml = new StringBuilder("<A>");
        for (var i = 0; i < 200; i++)
        {
            xml.Append('\n').Append(' ', i % 70).Append("<B>").Append(i).Append("</B>").Append(i % 3 == 0 ? "\r\n\t\t" : "");
        }

        xml.Append("\n</A>");
        var bytes = Encoding.UTF8.GetBytes(xml.ToString());
        var byBlocks = new byte[bytes.Length];
        var byLines = new byte[bytes.Length];
        var length = IndentationRemover.RemoveByBlocks(bytes, byBlocks);
        Assert.Equal(IndentationRemover.RemoveByLines(bytes, byLines), length);
        Assert.Equal(byLines.AsSpan(0, length).ToArray(), byBlocks.AsSpan(0, length).ToArray());
        Assert.DoesNotContain((byte)'\n', byBlocks.AsSpan(0, length).ToArray());
        Assert.Equal(Read(bytes), Read(byBlocks.AsSpan(0, length).ToArray()));
    }

    /// <summary>
    /// XmlReader reports a run of whitespace of 4,096 characters or more as text, not whitespace, wherever it lies in its buffer
    /// (a value then holds it); such a run is kept, and one a character shorter is taken out.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(3000)]
    [InlineData(4090)]
    [InlineData(12_000)]
    public void A_run_the_reader_reports_as_text_is_kept(int before)
    {
        foreach (var run in new[] { IndentationRemover.LongestRun - 1, IndentationRemover.LongestRun, IndentationRemover.LongestRun + 1, 5000 })
        {
            var indentation = "\n" + new string(' ', run - 1);
            var xml = $"<A><P>{new string('p', before)}</P><V>\n  <![CDATA[x]]>{indentation}</V>{indentation}<B/></A>";
            var bytes = Encoding.UTF8.GetBytes(xml);
            var byBlocks = new byte[bytes.Length];
            var length = IndentationRemover.RemoveByBlocks(bytes, byBlocks);
            Assert.Equal(Outcome.Read, ReadTheSame(bytes));
            Assert.Equal(run <= IndentationRemover.LongestRun ? bytes.Length - 3 - 2 * run : bytes.Length - 3, length);
            Assert.Equal(run > IndentationRemover.LongestRun, Read(bytes).Contains(" Text  [\n", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Random fragments built from the pieces that make a run unsafe to take out (text '&gt;', values with '&gt;' and '&lt;',
    /// CDATA sections and comments holding markup and line breaks, CR LF, tabs, xml:space, unclosed sections, stray '&lt;'),
    /// whole or cut anywhere: both versions give the same bytes, and the reader reports the same nodes, or fails on both.
    /// </summary>
    [Fact]
    public void Random_fragments_read_the_same_with_and_without_their_indentation()
    {
        var random = new Random(20261205);
        string[] pieces =
        [
            "<A>", "</A>", "<B x=\"1\">", "</B>", "<C/>", "<D y='a>b'>", "</D>", "<E z=\"&lt;\n  &gt;\">", "</E>",
            "text", " > ", ">", "&amp;", "&#x3E;", "<![CDATA[", "]]>", "<![CDATA[<a>\n  <b>]]>", "<!--", "-->",
            "<!-- <a>\n  <b> -->", "<?pi <a>\n  <b>?>", "\n", "\r\n", "  ", "\t", "\n    ", "\r\n\t\t", " xml:space=\"preserve\"",
            "<F xml:space=\"preserve\">", "</F>", "<", "é€", "]]", "<!DOCTYPE", "\"", "'",
        ];
        var compared = 0;
        var removed = 0;
        for (var i = 0; i < 12000; i++)
        {
            var xml = new StringBuilder();
            var depth = 0;
            var count = random.Next(1, 60);
            for (var j = 0; j < count; j++)
            {
                // Mostly well-formed nesting with indentation, sometimes a random piece.
                switch (random.Next(10))
                {
                    case < 4:
                        xml.Append('\n').Append(' ', 2 * depth).Append("<N").Append(depth).Append('>');
                        depth++;
                        break;
                    case < 7 when depth > 0:
                        depth--;
                        xml.Append('\n').Append(' ', 2 * depth).Append("</N").Append(depth).Append('>');
                        break;
                    case 7 or 8:
                        xml.Append("<V>").Append(pieces[random.Next(pieces.Length)]).Append("</V>");
                        break;
                    default:
                        xml.Append(pieces[random.Next(pieces.Length)]);
                        break;
                }
            }

            while (depth > 0)
            {
                depth--;
                xml.Append('\n').Append(' ', 2 * depth).Append("</N").Append(depth).Append('>');
            }

            var bytes = Encoding.UTF8.GetBytes(xml.ToString());
            if (random.Next(4) == 0)
            {
                bytes = bytes.AsSpan(0, random.Next(bytes.Length + 1)).ToArray();
            }

            switch (ReadTheSame(bytes))
            {
                case Outcome.Read:
                    removed++;
                    compared++;
                    break;
                case Outcome.Faulted:
                    removed++;
                    break;
            }
        }

        // The generator is to reach both outcomes often, or the comparison proves little.
        Assert.True(removed > 3000, $"{removed} fragments had indentation taken out");
        Assert.True(compared > 500, $"{compared} of them read without a fault");
    }

    /// <summary>
    /// Byte soup from the characters that matter to the removal (markup, quotes, the section delimiters, whitespace) with
    /// runs of indentation mixed in: the two versions agree, and the reader reads the same or fails on both.
    /// </summary>
    [Fact]
    public void Random_markup_soup_reads_the_same_with_and_without_its_indentation()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("QUALYSGEN_REMOVER_ITERATIONS"), out var n) ? n : 20000;
        var random = new Random(5122026);
        string[] alphabet = ["<", ">", "/", "!", "?", "-", "[", "]", "CDATA[", "<![CDATA[", "]]>", "<!--", "-->", "\"", "'", "=", "a", "b", " ", "\t", "\r", "\n", "\n    ", ">\n  <", "<a>", "</a>", "<b/>", "xml:space"];
        var removed = 0;
        for (var i = 0; i < iterations; i++)
        {
            var xml = new StringBuilder();
            var count = random.Next(1, 80);
            for (var j = 0; j < count; j++)
            {
                xml.Append(alphabet[random.Next(alphabet.Length)]);
            }

            removed += ReadTheSame(Encoding.UTF8.GetBytes(xml.ToString())) == Outcome.NothingRemoved ? 0 : 1;
        }

        Assert.True(removed > iterations / 25, $"{removed} of {iterations} had indentation taken out");
    }

    [Fact]
    public void Applies_to_UTF_8_and_single_byte_encodings_that_keep_ASCII_only()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.True(IndentationRemover.Applies(null));
        Assert.True(IndentationRemover.Applies(Encoding.UTF8));
        Assert.True(IndentationRemover.Applies(Encoding.Latin1));
        Assert.True(IndentationRemover.Applies(Encoding.GetEncoding("windows-1252")));
        Assert.False(IndentationRemover.Applies(Encoding.Unicode));
        Assert.False(IndentationRemover.Applies(Encoding.GetEncoding("IBM037")));   // EBCDIC: '<' is not 0x3C
    }

    private enum Outcome
    {
        NothingRemoved,
        Read,
        Faulted,
    }

    /// <summary>
    /// Takes the indentation out of <paramref name="bytes"/> both ways and holds them to the same result, and the reader to
    /// the same nodes (or a fault on both); says whether anything was taken out and whether the reader read it.
    /// </summary>
    private static Outcome ReadTheSame(byte[] bytes)
    {
        var byBlocks = new byte[bytes.Length];
        var byLines = new byte[bytes.Length];
        var length = IndentationRemover.RemoveByBlocks(bytes, byBlocks);
        var lines = IndentationRemover.RemoveByLines(bytes, byLines);
        var input = Encoding.UTF8.GetString(bytes);
        Assert.True(lines == length, $"By lines {lines}, by blocks {length}: {input}");
        if (length < 0)
        {
            return Outcome.NothingRemoved;
        }

        Assert.Equal(byLines.AsSpan(0, length).ToArray(), byBlocks.AsSpan(0, length).ToArray());
        var before = Read(bytes);
        var after = Read(byBlocks.AsSpan(0, length).ToArray());
        Assert.True(before == after, $"Input: {input}\nAs it came: {before}\nWithout indentation: {after}");
        return before == "fault" ? Outcome.Faulted : Outcome.Read;
    }

    /// <summary>What a reader reports: every node with its depth, name, value and attributes; or "fault" when it fails.</summary>
    private static string Read(byte[] bytes)
    {
        var nodes = new StringBuilder();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings);
            while (reader.Read())
            {
                nodes.Append(reader.Depth).Append(' ').Append(reader.NodeType).Append(' ').Append(reader.Name).Append(" [").Append(reader.Value).Append(']');
                if (reader.IsEmptyElement)
                {
                    nodes.Append(" empty");
                }

                while (reader.MoveToNextAttribute())
                {
                    nodes.Append(' ').Append(reader.Name).Append("=[").Append(reader.Value).Append(']');
                }

                nodes.Append(" space=").Append(reader.XmlSpace).Append('\n');
            }
        }
        catch (XmlException)
        {
            return "fault";
        }

        return nodes.ToString();
    }
}
