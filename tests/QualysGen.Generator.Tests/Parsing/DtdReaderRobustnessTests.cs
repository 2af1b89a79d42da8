using System;
using System.IO;
using System.Linq;
using System.Text;
using QualysGen.Generator.Model;
using QualysGen.Generator.Parsing;
using static QualysGen.Generator.Tests.Parsing.DtdTestHelpers;

namespace QualysGen.Generator.Tests.Parsing;

/// <summary>The reader never throws, never hangs and stays fast on damaged or hostile input.</summary>
public class DtdReaderRobustnessTests
{
    /// <summary>Characters that matter to the DTD grammar, so that mutations hit interesting paths.</summary>
    private const string Alphabet = "<>!?()[]|,*+%;&#'\"-= \t\r\nAZaz09ELEMNTATLISYCDP\u00e9\uD83D\u0000";

    [Fact]
    public void Random_mutations_of_real_dtds_never_throw()
    {
        var sources = new[]
        {
            File.ReadAllText(DtdReaderRealFileTests.SpecPath(DtdReaderRealFileTests.ComplianceScheduleScanList)),
            File.ReadAllText(DtdReaderRealFileTests.SpecPath(DtdReaderRealFileTests.SimpleReturn)),
            EntityHeavyDtd,
        };
        var random = new Random(20240611);

        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var text = Mutate(sources[iteration % sources.Length], random);
            SchemaReadResult result;
            try
            {
                result = DtdReader.Read(FilePath, text);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"Mutation {iteration} threw; input:\n{text}", exception);
            }

            Assert.NotNull(result.Schema);
            Assert.All(result.Diagnostics, d =>
            {
                Assert.NotNull(d.Location);
                Assert.InRange(d.Location!.Start, 0, text.Length);
                Assert.InRange(d.Location.Start + d.Location.Length, 0, text.Length);
                Assert.NotEqual("QG0007", d.Id);
            });
        }

    }

    [Fact]
    public void Every_truncation_of_a_real_dtd_is_read()
    {
        var text = File.ReadAllText(DtdReaderRealFileTests.SpecPath(DtdReaderRealFileTests.SimpleReturn));

        for (var length = 0; length <= text.Length; length++)
        {
            var result = DtdReader.Read(FilePath, text.Substring(0, length));
            Assert.NotNull(result.Schema);
        }
    }

    [Fact]
    public void Exponential_entity_expansion_is_cut_off()
    {
        var builder = new StringBuilder("<!ENTITY % l0 \"(A|B)\">\n");
        for (var i = 1; i <= 40; i++)
        {
            builder.Append($"<!ENTITY % l{i} \"%l{i - 1};%l{i - 1};%l{i - 1};%l{i - 1};\">\n");
        }

        builder.Append("<!ELEMENT R (%l40;)>\n%l40;\n<!ELEMENT A EMPTY>\n");

        var result = Read(builder.ToString());

        Assert.Single(result.Diagnostics, d => d.Id == "QG0001" && d.MessageArgs[0].Contains("too much text"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "QG0004"); // entities left undeclared by the cut are not reported
        Assert.Equal(new[] { "A" }, result.Schema!.Names());
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var groups = "<!ELEMENT R " + new string('(', 100_000) + "A" + new string(')', 100_000) + ">\n<!ELEMENT A EMPTY>";
        var entities = new StringBuilder("<!ENTITY % e0 \"A\">\n");
        for (var i = 1; i <= 5_000; i++)
        {
            // Each replacement text is '%e{i-1};' (via a character reference), so expanding e5000 nests 5,000 deep.
            entities.Append($"<!ENTITY % e{i} \"&#37;e{i - 1};\">\n");
        }

        entities.Append("<!ELEMENT S (%e5000;)>\n<!ELEMENT T (B)>\n<!ENTITY % v \"%e5000;\">\n<!ELEMENT B EMPTY>");

        var groupResult = Read(groups);
        var entityResult = Read(entities.ToString());

        Assert.Contains(groupResult.Diagnostics, d => d.Id == "QG0001" && d.MessageArgs[0].Contains("more than 64 levels"));
        Assert.Equal(new[] { "A" }, groupResult.Schema!.Names());
        Assert.Equal(2, entityResult.Diagnostics.Count(d => d.Id == "QG0001" && d.MessageArgs[0].Contains("more than 64 levels")));
        Assert.Equal(new[] { "T", "B" }, entityResult.Schema!.Names());
    }

    [Fact]
    public void A_large_input_is_read_whole()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            builder.Append($"<!-- element {i} -->\n<!ELEMENT E{i} (E{i + 1}?, (X|Y)*)>\n<!ATTLIST E{i} id ID #IMPLIED kind (a|b) \"a\">\n");
        }

        builder.Append("<!ELEMENT E10000 EMPTY><!ELEMENT X EMPTY><!ELEMENT Y EMPTY>");
        var text = builder.ToString();

        var result = Read(text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(10_003, result.Schema!.Elements.Count);
    }

    [Fact]
    public void Garbage_of_any_kind_is_read()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)];
            }

            Assert.NotNull(Read(new string(chars)).Schema);
        }
    }

    private const string EntityHeavyDtd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- $Revision: 1.0 $ -->
        <!ENTITY % ext SYSTEM "external.dtd">
        <!ENTITY % names "A | B | C">
        <!ENTITY % attrs 'id ID #IMPLIED kind (x|y) "x"'>
        <!ENTITY % decl "<!ELEMENT D (%names;)*>">
        <!ENTITY % inc "INCLUDE">
        <![%inc;[
        <!ELEMENT R ((%names;)+, (D?, E*)*)>
        ]]>
        <![IGNORE[ <!ELEMENT Z ANY> ]]>
        %decl;
        <!-- mixed content -->
        <!ELEMENT E (#PCDATA | A | B)*>
        <!ELEMENT A EMPTY>
        <!ATTLIST A %attrs; when CDATA #FIXED 'now'>
        <!ELEMENT B ANY>
        <!ELEMENT C (#PCDATA)>
        <!NOTATION n PUBLIC "-//N//EN">
        <!ENTITY g "&#169; &amp;">
        """;

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at));
                    break;
                case 1:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 40), builder.Length - at);
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
                case 3:
                    builder[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }
}
