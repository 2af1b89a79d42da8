namespace QualysGen.Benchmarks;

/// <summary>
/// The options the generated methods are measured with. <c>Generated_Parse</c> and <c>Generated_Stream</c> run on one thread,
/// as they always have; their <c>_Parallel</c> twins use the default options, which parse the records of a response of 128 KiB
/// or more on every core (two on this machine) and stay on one thread below that.
/// </summary>
internal static class Threads
{
    public static readonly QualysXmlOptions One = new() { MaxDegreeOfParallelism = 1 };

    public static readonly QualysXmlOptions? Default = null;
}
