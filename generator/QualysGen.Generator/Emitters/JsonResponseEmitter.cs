using System.Linq;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Emitters;

/// <summary>
/// Emits the JSON response types of one spec file: a class per type with <c>init</c> properties and a reader that walks a
/// <c>Utf8JsonReader</c> (no reflection, no <c>JsonSerializer</c>): property names compared as UTF-8 literals, unknown properties skipped,
/// required ones checked, every failure a <c>JsonException</c> with the JSON path, line and position. The helpers are emitted with the
/// types (a file-scoped class), so that no <c>System.Text.Json</c> type crosses into the runtime library.
/// </summary>
internal sealed class JsonResponseEmitter
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string JsonException = "global::System.Text.Json.JsonException";

    private readonly EndpointSourceSpec _spec;
    private readonly SourceWriter _writer = new();

    private JsonResponseEmitter(EndpointSourceSpec spec) => _spec = spec;

    public static string Emit(EndpointSourceSpec spec) => new JsonResponseEmitter(spec).Emit();

    private string Helper => _spec.JsonClassName;

    private string Emit()
    {
        var w = _writer;
        w.WriteLine(SourceWriter.FileHeader);
        w.OpenBlock("namespace " + _spec.Namespace);
        foreach (var type in _spec.JsonTypes)
        {
            EmitClass(type);
            w.WriteLine();
        }

        EmitHelper();
        w.CloseBlock();
        return w.ToString();
    }

    private void EmitClass(EndpointJsonClassSpec type)
    {
        var w = _writer;
        const string Throws = "/// <exception cref=\"" + JsonException + "\">The document is not JSON, a value has the wrong type, or a required property is missing; the exception gives the path, line and position.</exception>";
        w.WriteSummary(type.Description is { } doc ? SourceWriter.Xml(doc.Trim()) : $"The JSON response <c>{type.ClassName}</c>.");
        w.OpenType($"{_spec.Accessibility} sealed partial class {type.ClassName}");
        foreach (var member in type.Members)
        {
            w.WriteSummary((member.Description is { } d ? SourceWriter.Xml(d.Trim()) : $"The <c>{SourceWriter.Xml(member.JsonName)}</c> property.") + (member.Required ? "" : " Null when absent."));
            var clrType = ClrType(member.Kind);
            w.WriteLine(member.Required ? $"public required {clrType} {member.PropertyName} {{ get; init; }}" : $"public {clrType}? {member.PropertyName} {{ get; init; }}");
            w.WriteLine();
        }

        w.WriteLine($"/// <summary>Reads a <c>{type.ClassName}</c> JSON document from <paramref name=\"stream\"/>.</summary>");
        w.WriteLine(Throws);
        w.WriteLine(SourceWriter.NonUserCode);
        w.OpenBlock($"public static async global::System.Threading.Tasks.ValueTask<{type.ClassName}> ParseAsync(global::System.IO.Stream stream, global::System.Threading.CancellationToken cancellationToken = default)");
        w.WriteLine("var json = await global::QualysGen.Requests.QualysJson.ReadAllAsync(stream, cancellationToken).ConfigureAwait(false);");
        w.WriteLine("return Parse(json.Span);");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"/// <summary>Reads a <c>{type.ClassName}</c> JSON document from its UTF-8 bytes.</summary>");
        w.WriteLine(Throws);
        w.WriteLine(SourceWriter.NonUserCode);
        w.WriteLine($"public static {type.ClassName} Parse(global::System.ReadOnlySpan<byte> utf8Json) => {Helper}.Parse(utf8Json, Read);");
        w.WriteLine();
        w.WriteLine("/// <summary>Reads the object the reader is on; on return the reader is on its end.</summary>");
        w.WriteLine(SourceWriter.NonUserCode);
        w.OpenBlock($"internal static {type.ClassName} Read(ref {Reader} reader)");
        w.WriteLine($"{Helper}.StartObject(ref reader, \"$\");");
        foreach (var member in type.Members)
        {
            w.WriteLine($"{ClrType(member.Kind)}? {Local(member)} = null;");
        }

        w.OpenBlock($"while (reader.Read() && reader.TokenType == {TokenType}.PropertyName)");
        var first = true;
        foreach (var member in type.Members)
        {
            w.OpenBlock($"{(first ? "if" : "else if")} (reader.ValueTextEquals({SourceWriter.Literal(member.JsonName)}u8))");
            w.WriteLine("reader.Read();");
            w.WriteLine($"{Local(member)} = {ReadValue(member.Kind, SourceWriter.Literal("$." + member.JsonName))};");
            w.CloseBlock();
            first = false;
        }

        // Services add properties without notice: skip what is not known.
        if (first)
        {
            w.WriteLine("reader.Read();");
            w.WriteLine("reader.Skip();");
        }
        else
        {
            w.OpenBlock("else");
            w.WriteLine("reader.Read();");
            w.WriteLine("reader.Skip();");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.WriteLine();
        foreach (var member in type.Members.Where(m => m.Required))
        {
            w.OpenBlock($"if ({Local(member)} is null)");
            w.WriteLine($"throw {Helper}.MissingProperty(ref reader, {SourceWriter.Literal("$." + member.JsonName)});");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine($"return new {type.ClassName}");
        w.WriteLine("{");
        foreach (var member in type.Members)
        {
            w.WriteLine($"    {member.PropertyName} = {Local(member)}{(member.Required && member.Kind != EndpointJsonValueKind.String ? ".Value" : "")},");
        }

        w.WriteLine("};");
        w.CloseBlock();
        w.CloseBlock();
    }

    private void EmitHelper()
    {
        var w = _writer;
        w.WriteSummary(
            $"Reads the values of <c>{SourceWriter.Xml(_spec.SourceFile)}</c>'s JSON types and says where a document is wrong: a <see cref=\"{JsonException}\"/> with the\n" +
            "JSON path, and the zero-based line and byte position as System.Text.Json reports them.");
        w.OpenType($"file static class {Helper}", nonUserCode: true);
        w.WriteLine($"private static readonly global::System.Text.Json.JsonReaderOptions Options = new() {{ CommentHandling = global::System.Text.Json.JsonCommentHandling.Disallow, MaxDepth = 64 }};");
        w.WriteLine();
        w.WriteLine(SourceWriter.GeneratedCode);
        w.WriteLine($"public delegate T ValueReader<T>(ref {Reader} reader);");
        w.WriteLine();
        w.WriteLine("/// <summary>Parses one JSON document with <paramref name=\"read\"/>; anything after the value is an error.</summary>");
        w.OpenBlock("public static T Parse<T>(global::System.ReadOnlySpan<byte> utf8Json, ValueReader<T> read)");
        w.WriteLine($"var reader = new {Reader}(utf8Json, Options);");
        w.OpenBlock("try");
        w.OpenBlock("if (!reader.Read())");
        w.WriteLine("throw new Error(0, \"$\", \"The document is empty; expected a JSON value.\");");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var value = read(ref reader);");
        w.OpenBlock("if (reader.Read())");
        w.WriteLine("throw new Error(reader.TokenStartIndex, \"$\", \"Unexpected data after the end of the JSON value.\");");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return value;");
        w.CloseBlock();
        w.OpenBlock("catch (Error error)");
        w.WriteLine("long line = 0, lineStart = 0;");
        w.OpenBlock("for (var i = 0; i < error.Offset && i < utf8Json.Length; i++)");
        w.OpenBlock("if (utf8Json[i] == (byte)'\\n')");
        w.WriteLine("line++;");
        w.WriteLine("lineStart = i + 1;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var position = error.Offset - lineStart;");
        w.WriteLine("var where = \" Path: \" + error.JsonPath + \" | LineNumber: \" + line.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" | BytePositionInLine: \" + position.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\";");
        w.WriteLine($"throw new {JsonException}(error.Message + where, error.JsonPath, line, position);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public static void StartObject(ref {Reader} reader, string path)");
        w.OpenBlock($"if (reader.TokenType != {TokenType}.StartObject)");
        w.WriteLine("throw Unexpected(ref reader, path, \"an object\");");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"public static bool ReadBoolean(ref {Reader} reader, string path) => reader.TokenType switch");
        w.WriteLine("{");
        w.WriteLine($"    {TokenType}.True => true,");
        w.WriteLine($"    {TokenType}.False => false,");
        w.WriteLine("    _ => throw Unexpected(ref reader, path, \"true or false\"),");
        w.WriteLine("};");
        w.WriteLine();
        w.WriteLine($"public static string? ReadString(ref {Reader} reader, string path) => reader.TokenType switch");
        w.WriteLine("{");
        w.WriteLine($"    {TokenType}.String => reader.GetString(),");
        w.WriteLine($"    {TokenType}.Null => null,");
        w.WriteLine("    _ => throw Unexpected(ref reader, path, \"a string\"),");
        w.WriteLine("};");
        w.WriteLine();
        w.WriteLine($"public static int ReadInt32(ref {Reader} reader, string path)");
        w.WriteLine($"    => reader.TokenType == {TokenType}.Number && reader.TryGetInt32(out var value) ? value : throw Unexpected(ref reader, path, \"an integer (Int32)\");");
        w.WriteLine();
        w.WriteLine($"public static long ReadInt64(ref {Reader} reader, string path)");
        w.WriteLine($"    => reader.TokenType == {TokenType}.Number && reader.TryGetInt64(out var value) ? value : throw Unexpected(ref reader, path, \"an integer (Int64)\");");
        w.WriteLine();
        w.WriteLine($"public static decimal ReadDecimal(ref {Reader} reader, string path)");
        w.WriteLine($"    => reader.TokenType == {TokenType}.Number && reader.TryGetDecimal(out var value) ? value : throw Unexpected(ref reader, path, \"a number\");");
        w.WriteLine();
        w.WriteLine($"public static global::System.DateTimeOffset ReadDateTimeOffset(ref {Reader} reader, string path)");
        w.WriteLine($"    => reader.TokenType == {TokenType}.String && reader.TryGetDateTimeOffset(out var value) ? value : throw Unexpected(ref reader, path, \"an ISO 8601 date-time string\");");
        w.WriteLine();
        w.WriteLine("/// <summary>The error for a required property that the object (whose end the reader is on) does not have.</summary>");
        w.WriteLine($"public static global::System.Exception MissingProperty(ref {Reader} reader, string path) => new Error(reader.TokenStartIndex, path, \"The required property is missing.\");");
        w.WriteLine();
        w.WriteLine($"private static Error Unexpected(ref {Reader} reader, string path, string expected)");
        w.WriteLine("    => new(reader.TokenStartIndex, path, \"Expected \" + expected + \" but found \" + Describe(reader.TokenType) + \".\");");
        w.WriteLine();
        w.WriteLine($"private static string Describe({TokenType} token) => token switch");
        w.WriteLine("{");
        w.WriteLine($"    {TokenType}.StartObject => \"an object\",");
        w.WriteLine($"    {TokenType}.StartArray => \"an array\",");
        w.WriteLine($"    {TokenType}.String => \"a string\",");
        w.WriteLine($"    {TokenType}.Number => \"a number\",");
        w.WriteLine($"    {TokenType}.True or {TokenType}.False => \"a boolean\",");
        w.WriteLine($"    {TokenType}.Null => \"null\",");
        w.WriteLine("    _ => token.ToString(),");
        w.WriteLine("};");
        w.WriteLine();
        w.WriteLine("/// <summary>A located problem, turned into a <c>JsonException</c> with line numbers by <see cref=\"Parse\"/>.</summary>");
        w.OpenType("private sealed class Error : global::System.Exception");
        w.WriteLine("public Error(long offset, string path, string message)");
        w.WriteLine("    : base(message)");
        w.WriteLine("{");
        w.WriteLine("    Offset = offset;");
        w.WriteLine("    JsonPath = path;");
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine("public long Offset { get; }");
        w.WriteLine();
        w.WriteLine("public string JsonPath { get; }");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static string Local(EndpointJsonMemberSpec member) => Binding.CSharpNames.ToLocalName(member.PropertyName);

    private static string ClrType(EndpointJsonValueKind kind) => kind switch
    {
        EndpointJsonValueKind.Boolean => "bool",
        EndpointJsonValueKind.Int32 => "int",
        EndpointJsonValueKind.Int64 => "long",
        EndpointJsonValueKind.Decimal => "decimal",
        EndpointJsonValueKind.DateTimeOffset => "global::System.DateTimeOffset",
        _ => "string",
    };

    private string ReadValue(EndpointJsonValueKind kind, string path) => kind switch
    {
        EndpointJsonValueKind.Boolean => $"{Helper}.ReadBoolean(ref reader, {path})",
        EndpointJsonValueKind.Int32 => $"{Helper}.ReadInt32(ref reader, {path})",
        EndpointJsonValueKind.Int64 => $"{Helper}.ReadInt64(ref reader, {path})",
        EndpointJsonValueKind.Decimal => $"{Helper}.ReadDecimal(ref reader, {path})",
        EndpointJsonValueKind.DateTimeOffset => $"{Helper}.ReadDateTimeOffset(ref reader, {path})",
        _ => $"{Helper}.ReadString(ref reader, {path})",
    };
}
