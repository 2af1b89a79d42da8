using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace QualysGen.Xml;

/// <summary>
/// Makes the single-byte code pages (<c>windows-1252</c>, the rest of <c>windows-125x</c>, <c>iso-8859-2</c>…<c>-15</c>) and the
/// other legacy encodings of <see cref="CodePagesEncodingProvider"/> known to <see cref="Encoding.GetEncoding(string)"/>, so an
/// <see cref="System.Xml.XmlReader"/> reads a response that declares one instead of failing with "System does not support
/// 'windows-1252' encoding". .NET carries these tables (System.Text.Encoding.CodePages is part of the shared framework) but
/// only knows UTF-8/16/32, ASCII and Latin-1 until a provider is registered.
/// </summary>
/// <remarks>
/// Registered when this assembly loads, which is before any QualysGen parser, record stream or client runs, so
/// <c>Parse</c>, <c>ParseAsync</c>, <c>Enumerate…Async</c> and <c>SendAsync</c> all read the same encodings. It is process-wide
/// and adds encodings: UTF-8/16/32, ASCII and Latin-1 stay the framework's own, and registering the provider twice (an
/// application that does it too) is harmless. The one visible difference, as in any application that registers it: on Windows
/// <c>Encoding.GetEncoding(0)</c> becomes the system's ANSI code page instead of UTF-8.
/// </remarks>
internal static class CodePageEncodings
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Every entry point that reads XML must know the same encodings before it runs; see the remarks.")]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
