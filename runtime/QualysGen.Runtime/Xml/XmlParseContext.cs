using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// The state of one parse that generated parsers share across their element readers: the options, the names of the elements
/// the reader is inside (for drift paths and the depth limit), and the drift counted so far. Not meant to be used by hand.
/// </summary>
/// <remarks>
/// The happy path costs one array store per element with structure (<see cref="Enter"/>). Everything else here runs only when
/// a response has something its schema does not say.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class XmlParseContext
{
    private QualysXmlOptions _options;
    private string[] _path;
    private int _baseDepth;
    private IXmlLineInfo? _lineInfo;
    private Dictionary<(QualysXmlDriftKind Kind, string Path, string? Value), DriftCount>? _drift;

    /// <summary>Creates a context for one parse (a record stream keeps its own for the whole enumeration).</summary>
    public XmlParseContext(QualysXmlOptions? options)
    {
        _options = options ?? QualysXmlOptions.Default;
        _path = new string[Math.Min(16, _options.MaxDepth + 1)];
    }

    /// <summary>The options of this parse.</summary>
    public QualysXmlOptions Options => _options;

    /// <summary>
    /// The records a parallel parse cuts out of the response and parses on other threads, or null when this parse reads every
    /// record itself. The generated reader of a record's parent hands each placeholder it meets to it (<see cref="XmlRecordBatches.TryTake{T}(XmlReader, ref XmlItems{T})"/>).
    /// </summary>
    public XmlRecordBatches? Records { get; set; }

    /// <summary>The raw XML of the record being read, when a record stream has it at hand; reported with a deviation that omits the record.</summary>
    public Func<string?>? CurrentRecordXml { get; set; }

    /// <summary>Takes this thread's cached context (kept weakly, see <see cref="XmlThreadCache{T}"/>), or makes one.</summary>
    public static XmlParseContext Rent(QualysXmlOptions? options)
    {
        var context = XmlThreadCache<XmlParseContext>.Take();
        if (context is null)
        {
            return new XmlParseContext(options);
        }

        context._options = options ?? QualysXmlOptions.Default;
        if (context._path.Length > context._options.MaxDepth + 1)
        {
            context._path = new string[Math.Min(16, context._options.MaxDepth + 1)];
        }

        return context;
    }

    /// <summary>Reports the drift of the parse that ends, then gives the context back for the next parse on this thread.</summary>
    public static void Return(XmlParseContext context)
    {
        context.Complete();
        context._lineInfo = null;
        context.CurrentRecordXml = null;
        context.Records = null;
        Array.Clear(context._path, 0, context._path.Length);
        XmlThreadCache<XmlParseContext>.Keep(context);
    }

    /// <summary>Called once the reader is on the document element: depths and paths count from there.</summary>
    public void Start(XmlReader reader)
    {
        _baseDepth = reader.Depth;
        _lineInfo = reader as IXmlLineInfo;
    }

    /// <summary>
    /// Records that the reader is on the start tag of <paramref name="name"/> and returns its depth below the root (the root is
    /// 0). Throws past <see cref="QualysXmlOptions.MaxDepth"/>, so no document can nest the readers deeper than that.
    /// </summary>
    public int Enter(XmlReader reader, string name)
    {
        var depth = reader.Depth - _baseDepth;
        if ((uint)depth >= (uint)_path.Length)
        {
            Grow(reader, depth);
        }

        _path[depth] = name;
        return depth;
    }

    private void Grow(XmlReader reader, int depth)
    {
        if (depth > _options.MaxDepth || depth < 0)
        {
            var info = reader as IXmlLineInfo;
            throw new QualysXmlException(
                QualysXmlErrorKind.LimitExceeded,
                $"The document nests elements deeper than {_options.MaxDepth} levels (QualysXmlOptions.MaxDepth)",
                info?.LineNumber ?? 0,
                info?.LinePosition ?? 0);
        }

        Array.Resize(ref _path, Math.Min(Math.Max(_path.Length * 2, depth + 1), _options.MaxDepth + 1));
    }

    /// <summary>
    /// Whether a deviation is to be absorbed by the enclosing optional member or list item that catches it: not in strict
    /// mode, and only for what breaks the schema (a missing element or attribute, a bad value), never for XML that is not
    /// well-formed or a limit.
    /// </summary>
    public bool Absorbs(QualysXmlException exception)
        => !_options.Strict && exception.Kind is QualysXmlErrorKind.MissingElement or QualysXmlErrorKind.MissingAttribute or QualysXmlErrorKind.InvalidValue;

    /// <summary>
    /// Leaves out the element at <paramref name="depth"/> (below the root) that <paramref name="exception"/> came from: reports
    /// the deviation and moves the reader past that element's end, wherever inside it the parse stopped. The report comes
    /// first: bytes that break the document past the deviation (a record cut off, junk after its end tag) still fail the
    /// parse, but the element was left out all the same, and every entry point says so.
    /// </summary>
    public void Omit(XmlReader reader, QualysXmlException exception, int depth)
    {
        var rawXml = depth == RecordDepth ? CurrentRecordXml?.Invoke() : null;
        Report(exception, depth - 1, exception.OutermostSegment, rawXml);
        Finish(reader, exception, depth);
    }

    /// <summary>
    /// For the item of a repeated group, which has no element of its own: moves the reader past the end of the member element at
    /// <paramref name="depth"/> (below the root) that <paramref name="exception"/> came from, wherever inside it the parse stopped,
    /// and returns the exception marked as consumed, for the item to throw once it has read the rest of its elements.
    /// </summary>
    public QualysXmlException Finish(XmlReader reader, QualysXmlException exception, int depth)
    {
        if (exception.ConsumedDepth != depth + _baseDepth)
        {
            SkipPast(reader, depth + _baseDepth);
            exception.ConsumedDepth = depth + _baseDepth;
        }

        return exception;
    }

    /// <summary>
    /// Leaves out an item of a repeated group, <paramref name="group"/> (<c>(ID, TITLE, TYPE?)</c>), in the element at
    /// <paramref name="depth"/>, and reports the deviation. The item's reader has read all of its elements: nothing is skipped.
    /// </summary>
    public void OmitItem(QualysXmlException exception, int depth, string group) => Report(exception, depth, group, null);

    /// <summary>Leaves out an optional attribute, of the element at <paramref name="depth"/>, whose value is bad; the element is kept.</summary>
    public void OmitAttribute(QualysXmlException exception, int depth) => Report(exception, depth, exception.OutermostSegment, null);

    private void Report(QualysXmlException exception, int parentDepth, string? omitted, string? rawXml)
    {
        var parent = PathTo(parentDepth);
        var deviation = new QualysXmlDeviation(
            exception.Kind,
            exception.Detail,
            exception.OutermostSegment is null ? parent : parent + exception.ElementPath,
            exception.LineNumber,
            exception.LinePosition,
            parent + "/" + omitted,
            rawXml);
        if (Deferred is { } deferred)
        {
            deferred(deviation);
            return;
        }

        if (HoldsReports)
        {
            (_held ??= new()).Add(deviation);
            return;
        }

        Replay(deviation);
    }

    /// <summary>Reports a deviation: counted in the meter and handed to the reporter.</summary>
    internal void Replay(QualysXmlDeviation deviation)
    {
        XmlTelemetry.Deviations.Add(1, new KeyValuePair<string, object?>("kind", deviation.Kind.ToString()));
        _options.Reporter?.OnDeviation(deviation);
    }

    /// <summary>
    /// For a parse of a response without its indentation (<see cref="XmlParseInput.TryParseWithoutIndentation"/>), whose lines
    /// and columns are not the response's: its deviations are held instead of reported (unless <see cref="Deferred"/>), and
    /// <see cref="Complete"/> does not report its drift, to be reported once the parse has ended, at the response's
    /// positions (<see cref="ReportHeld"/>).
    /// </summary>
    internal bool HoldsReports { get; set; }

    private List<QualysXmlDeviation>? _held;

    /// <summary>Whether the parse has a deviation held or drift counted: positions to map (<see cref="ReportHeld"/>).</summary>
    internal bool HasReports => _held is { Count: > 0 } || _drift is { Count: > 0 };

    /// <summary>
    /// Reports the deviations held (<see cref="HoldsReports"/>) and moves the drift counted so far to the response's
    /// positions, both mapped by <paramref name="map"/> from the copy's.
    /// </summary>
    internal void ReportHeld(Func<int, int, (int Line, int Column)> map)
    {
        var held = _held ?? [];
        _held = null;
        MapPositions(held, _drift, map);
        foreach (var deviation in held)
        {
            Replay(deviation);
        }
    }

    /// <summary>
    /// Moves <paramref name="deviations"/> and <paramref name="drift"/> from a copy's lines and columns to the response's with
    /// <paramref name="map"/>, which is called in ascending order, once for each position (it goes on from where it left).
    /// </summary>
    internal static void MapPositions(List<QualysXmlDeviation> deviations, Dictionary<(QualysXmlDriftKind Kind, string Path, string? Value), DriftCount>? drift, Func<int, int, (int Line, int Column)> map)
    {
        var positions = new List<(int Line, int Column)>();
        foreach (var count in drift?.Values ?? (IEnumerable<DriftCount>)[])
        {
            positions.Add((count.Line, count.Column));
        }

        foreach (var deviation in deviations)
        {
            positions.Add((deviation.LineNumber, deviation.LinePosition));
        }

        positions.Sort();
        var mapped = new Dictionary<(int Line, int Column), (int Line, int Column)>(positions.Count);
        foreach (var position in positions)
        {
            if (!mapped.ContainsKey(position))
            {
                mapped[position] = map(position.Line, position.Column);
            }
        }

        foreach (var count in drift?.Values ?? (IEnumerable<DriftCount>)[])
        {
            (count.Line, count.Column) = mapped[(count.Line, count.Column)];
        }

        for (var i = 0; i < deviations.Count; i++)
        {
            var (line, column) = mapped[(deviations[i].LineNumber, deviations[i].LinePosition)];
            deviations[i] = deviations[i] with { LineNumber = line, LinePosition = column };
        }
    }

    /// <summary>Drops what a parse that is to be done again held and counted.</summary>
    internal void DropHeld()
    {
        _held = null;
        _drift = null;
    }

    /// <summary>
    /// For a context that parses a batch of records on a worker thread: where its deviations go instead of the reporter, so that
    /// the parse's own context reports them in document order, on its thread.
    /// </summary>
    internal Action<QualysXmlDeviation>? Deferred { get; set; }

    /// <summary>
    /// Starts a batch of records on a worker thread: <paramref name="reader"/> reads them as a fragment, so its depth 0 is the
    /// records' depth below the root, whose ancestors' names (root first) are <paramref name="ancestors"/>.
    /// </summary>
    internal void StartBatch(XmlReader reader, string[] ancestors)
    {
        for (var i = 0; i < ancestors.Length; i++)
        {
            if (i >= _path.Length)
            {
                Grow(reader, i);
            }

            _path[i] = ancestors[i];
        }

        _baseDepth = -ancestors.Length;
        _lineInfo = reader as IXmlLineInfo;
    }

    /// <summary>Takes the drift counted so far (in the order first seen), leaving none; null when there is none.</summary>
    internal Dictionary<(QualysXmlDriftKind Kind, string Path, string? Value), DriftCount>? TakeDrift()
    {
        var drift = _drift;
        _drift = null;
        return drift is { Count: > 0 } ? drift : null;
    }

    /// <summary>
    /// Adds drift counted by a worker for records that come after everything this context has read: a path already seen keeps
    /// its first position and adds the count, a new one comes after the others, as if this context had read the records.
    /// </summary>
    internal void MergeDrift(Dictionary<(QualysXmlDriftKind Kind, string Path, string? Value), DriftCount> drift)
    {
        _drift ??= new();
        foreach (var entry in drift)
        {
            if (_drift.TryGetValue(entry.Key, out var count))
            {
                count.Count += entry.Value.Count;
            }
            else
            {
                _drift[entry.Key] = entry.Value;
            }
        }
    }

    /// <summary>The depth of the records of a record stream, whose raw XML a deviation can carry; -1 elsewhere.</summary>
    public int RecordDepth { get; set; } = -1;

    private bool _recordEndPending;

    /// <summary>
    /// Moves past the end tag of the element at <paramref name="depth"/> (or past it, when it is empty), where an element reader
    /// ends. A record of a record stream stops on its end tag instead, and the stream moves past it after handing the record
    /// over: bytes that break the document right after a complete record then fail the next step, not the record.
    /// </summary>
    public void ReadEnd(XmlReader reader, int depth)
    {
        if (depth == RecordDepth)
        {
            _recordEndPending = true;
            return;
        }

        reader.Read();
    }

    /// <summary>Whether the last record read stopped on its end tag (<see cref="ReadEnd"/>); clears it.</summary>
    internal bool TakeRecordEnd()
    {
        var pending = _recordEndPending;
        _recordEndPending = false;
        return pending;
    }

    private static void SkipPast(XmlReader reader, int depth)
    {
        reader.MoveToElement();
        if (reader.Depth == depth && reader.NodeType == XmlNodeType.Element)
        {
            // Still on the start tag: an attribute was missing or bad before the content was read.
            reader.Skip();
            return;
        }

        while (reader.Depth > depth && reader.Read())
        {
        }

        if (reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement)
        {
            reader.Read();
        }
    }

    /// <summary>Counts an element the schema does not declare; the reader is on its start tag (the caller skips it).</summary>
    public void UndeclaredElement(XmlReader reader)
    {
        var depth = reader.Depth - _baseDepth;
        CountDrift(QualysXmlDriftKind.UndeclaredElement, PathTo(depth - 1) + "/" + reader.LocalName, null);
    }

    /// <summary>
    /// For an element the schema allows once, on its start tag: the first time, marks it <paramref name="seen"/> (before it is
    /// read, so that a first occurrence left out for a deviation still makes a second one a repeat) and returns false; a repeat
    /// is skipped and reported, and true returned.
    /// </summary>
    public bool IsRepeat(XmlReader reader, ref bool seen)
    {
        if (!seen)
        {
            seen = true;
            return false;
        }

        RepeatedElement(reader);
        reader.Skip();
        return true;
    }

    /// <summary>Counts a repeat of an element the schema allows once; the reader is on its start tag (the caller skips it).</summary>
    public void RepeatedElement(XmlReader reader)
    {
        var depth = reader.Depth - _baseDepth;
        CountDrift(QualysXmlDriftKind.RepeatedElement, PathTo(depth - 1) + "/" + reader.LocalName, null);
    }

    /// <summary>Counts the attributes of the current element that the schema does not declare: all but namespace declarations
    /// and attributes in a namespace (<c>xsi:</c>). For an element whose schema declares no attribute.</summary>
    public void UndeclaredAttributes(XmlReader reader)
    {
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                UndeclaredAttribute(reader);
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }
    }

    /// <summary>Counts the attribute the reader is on, unless it is a namespace declaration or in a namespace.</summary>
    public void UndeclaredAttribute(XmlReader reader)
    {
        if (reader.NamespaceURI.Length != 0 || reader.Prefix.Length != 0 || reader.LocalName == "xmlns")
        {
            return;
        }

        var elementDepth = reader.Depth - 1 - _baseDepth;
        CountDrift(QualysXmlDriftKind.UndeclaredAttribute, PathTo(elementDepth) + "/@" + reader.LocalName, null);
    }

    /// <summary>The position of the reader, to pass to <see cref="UnknownEnumValue"/> once the value is read.</summary>
    public long Position => _lineInfo is { } info ? ((long)info.LineNumber << 32) | (uint)info.LinePosition : 0;

    /// <summary>Counts a value of an enumeration that the schema does not list, in the child <paramref name="name"/> of the
    /// element at <paramref name="parentDepth"/> (or its attribute, when <paramref name="name"/> starts with <c>@</c>).</summary>
    public void UnknownEnumValue(int parentDepth, string name, string? value, long position)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        CountDrift(QualysXmlDriftKind.UnknownEnumValue, PathTo(parentDepth) + "/" + name, value, position);
    }

    private void CountDrift(QualysXmlDriftKind kind, string path, string? value, long position = -1)
    {
        _drift ??= new();
        var key = (kind, path, value);
        if (_drift.TryGetValue(key, out var count))
        {
            count.Count++;
            return;
        }

        if (position < 0)
        {
            position = Position;
        }

        _drift[key] = new DriftCount { Line = (int)(position >> 32), Column = (int)(position & 0xFFFFFFFF), Count = 1 };
    }

    /// <summary>Reports the drift counted so far, once per distinct path, and starts counting anew.</summary>
    public void Complete()
    {
        if (HoldsReports || _drift is not { Count: > 0 } drift)
        {
            return;
        }

        foreach (var entry in drift)
        {
            XmlTelemetry.Drift.Add(1, new KeyValuePair<string, object?>("kind", entry.Key.Kind.ToString()));
            _options.Reporter?.OnDrift(new QualysXmlDrift(entry.Key.Kind, entry.Key.Path, entry.Value.Line, entry.Value.Column, entry.Value.Count, entry.Key.Value));
        }

        drift.Clear();
    }

    /// <summary>The path from the root down to the element at <paramref name="depth"/> (below the root), or empty for -1.</summary>
    private string PathTo(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i <= depth && i < _path.Length; i++)
        {
            builder.Append('/').Append(_path[i] ?? "?");
        }

        return builder.ToString();
    }

    [DebuggerDisplay("{Count} from {Line}:{Column}")]
    internal sealed class DriftCount
    {
        public int Line;
        public int Column;
        public int Count;
    }
}
