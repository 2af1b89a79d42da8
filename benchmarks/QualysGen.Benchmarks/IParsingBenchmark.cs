namespace QualysGen.Benchmarks;

/// <summary>A benchmark over one input document; the report columns ask it about its input.</summary>
public interface IParsingBenchmark
{
    /// <summary>Prepares the input for the current parameters (what [GlobalSetup] does, without the checks).</summary>
    void PrepareInput();

    /// <summary>The size of the input document in bytes.</summary>
    long InputBytes { get; }

    /// <summary>
    /// Bytes of managed memory that the generated parser's result for this input keeps alive (the object graph itself),
    /// measured with a full GC before and after parses held in memory.
    /// </summary>
    long RetainedGraphBytes();
}
