using System;

namespace QualysGen;

/// <summary>
/// How a generated parser treats a response: whether a deviation from the schema is absorbed or thrown, where deviations and
/// drift are reported, and the limits that keep a hostile response from costing unbounded memory or stack. One instance can be
/// shared by any number of parses at once; it is read, never written, by the parsers.
/// </summary>
/// <remarks>
/// Every generated entry point takes it: <c>Parse(stream, options)</c>, <c>ParseAsync(stream, options, ct)</c>,
/// <c>Enumerate…Async(stream, options, ct)</c>, and <c>QualysClientOptions.Xml</c> for the client.
/// </remarks>
public sealed class QualysXmlOptions
{
    /// <summary>The options used when none are given: lenient, no reporter, the default limits.</summary>
    public static QualysXmlOptions Default { get; } = new();

    /// <summary>The default of <see cref="MaxDepth"/>.</summary>
    public const int DefaultMaxDepth = 256;

    /// <summary>The default of <see cref="MaxBufferedBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxBufferedBytes = 1L << 30;

    private readonly int _maxDepth = DefaultMaxDepth;
    private readonly long _maxBufferedBytes = DefaultMaxBufferedBytes;
    private readonly int _maxRecordBytes = Xml.XmlRecordStream.DefaultMaxBufferedBytes;
    private readonly int? _maxDegreeOfParallelism;
    private readonly long _parallelThresholdBytes = Xml.XmlRecordBatches.ThresholdBytes;
    private IQualysXmlReporter? _reporter;

    /// <summary>
    /// When true, the first deviation from the schema (a missing required element or attribute, an empty or unparsable required
    /// value) throws <see cref="QualysXmlException"/>. When false (the default), the nearest enclosing element that the schema
    /// lets be absent — an optional member, or one item of a list — is left out, the rest of the document is read, and the
    /// deviation is reported to <see cref="Reporter"/>. A deviation that nothing up to the root can absorb throws either way.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Receives the deviations and the drift of each parse (see <see cref="QualysXmlReport"/>), or null.</summary>
    public IQualysXmlReporter? Reporter
    {
        get => _reporter;
        init => _reporter = value;
    }

    /// <summary>
    /// The deepest element nesting read, counted from the root (depth 0). A document nested deeper throws
    /// <see cref="QualysXmlException"/> with <see cref="QualysXmlErrorKind.LimitExceeded"/>, so a recursive schema cannot be made to
    /// exhaust the stack. Default 256; Qualys' own responses nest fewer than 20 levels.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is >= 1 and <= 10_000 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "Between 1 and 10,000.");
    }

    /// <summary>
    /// The most bytes a record stream (<c>Enumerate…Async</c>) holds in memory at once: one record, what lies between it and
    /// the next (whitespace there is counted, not held), and its read-ahead. More throws <see cref="QualysXmlException"/> with
    /// <see cref="QualysXmlErrorKind.LimitExceeded"/>. Default 64 MiB; at least 64 KiB.
    /// </summary>
    public int MaxRecordBytes
    {
        get => _maxRecordBytes;
        init => _maxRecordBytes = value >= 64 * 1024 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRecordBytes), value, "At least 64 KiB.");
    }

    /// <summary>
    /// The most bytes of a response <c>ParseAsync</c> holds in memory at once (it reads the response asynchronously before
    /// parsing it, giving each buffer back as soon as it is parsed). A larger response throws
    /// <see cref="QualysXmlException"/> with <see cref="QualysXmlErrorKind.LimitExceeded"/> instead of growing without bound (the
    /// client inflates compressed bodies, so a small download can be a large response). A <c>Parse</c> on several threads
    /// (<see cref="MaxDegreeOfParallelism"/>) holds a window of records ahead of its reader under the same bound. Default 1 GiB.
    /// </summary>
    public long MaxBufferedBytes
    {
        get => _maxBufferedBytes;
        init => _maxBufferedBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBufferedBytes), value, "Must be positive.");
    }

    /// <summary>
    /// How many threads may parse the records of one response at once (<c>Parse</c>, <c>ParseAsync</c> and
    /// <c>Enumerate…Async</c>): 1 parses on the calling thread alone; more cuts the records out of the response as it is read
    /// and parses them on that many threads (the calling thread among them), in document order, with the same result, the
    /// same reports and the same exceptions as one thread. Null (the default) decides per response (see
    /// <see cref="ParallelThresholdBytes"/>): several threads (the processor count, at most 8) for a large response, one for a
    /// small one.
    /// </summary>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value is null or (>= 1 and <= 512) ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "Between 1 and 512, or null.");
    }

    /// <summary>
    /// When <see cref="MaxDegreeOfParallelism"/> is null, how large a response is parsed on several threads. A response whose
    /// length is known before it is read (a <see cref="System.IO.MemoryStream"/>, a file, what <c>ParseAsync</c> and the client
    /// have buffered) is parsed on several threads from its first record if it is at least this long, on one otherwise. A
    /// record stream (<c>Enumerate…Async</c>) over a response whose length is not known (the client's, a network stream)
    /// begins on one thread and goes on with several once this many bytes have arrived; a synchronous <c>Parse</c> of such a
    /// stream reads this many bytes first (held until parsed) to learn which it is. 0: every response on several threads
    /// from its start, however small. Default 128 KiB (or the
    /// AppContext data <c>QualysGen.Xml.ParallelThresholdBytes</c>); below it the threads would cost more than they save.
    /// </summary>
    public long ParallelThresholdBytes
    {
        get => _parallelThresholdBytes;
        init => _parallelThresholdBytes = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(ParallelThresholdBytes), value, "Must not be negative.");
    }

    /// <summary>These options with another reporter: every other option (every limit, the parallelism) as it is.</summary>
    internal QualysXmlOptions WithReporter(IQualysXmlReporter? reporter)
    {
        var copy = (QualysXmlOptions)MemberwiseClone();
        copy._reporter = reporter;
        return copy;
    }
}
