using System.ComponentModel;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// One element of a record stream's envelope (the elements from the document element down to the records' container), as
/// <see cref="XmlRecordCursor"/> walks it. The generator makes one per element class on a record path, from the same emitter
/// code as that class's element reader, so that the stream reads and checks the envelope's attributes and other members as
/// <c>Parse</c> does: a deviation there is absorbed, reported and drift counted alike, and one that nothing absorbs fails the
/// stream where it fails <c>Parse</c>. A level is made when the cursor enters its element and lives until its end tag. Not
/// meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class XmlEnvelopeLevel
{
    /// <summary>A list wrapper (<c>LIST(ITEM+)</c>) around the records: it declares no attribute and no other child.</summary>
    public static XmlEnvelopeLevel ListWrapper { get; } = new ListWrapperLevel();

    /// <summary>On the element's start tag, its depth entered: reads and checks its attributes as its element reader does.</summary>
    public abstract void Start(XmlReader reader, XmlParseContext context);

    /// <summary>
    /// On the start tag of a child. True when it is the next element on the path to the records (to be entered); else reads
    /// it as the element reader reads that member (or skips it: a repeat of a single member, an undeclared element, both
    /// reported as drift), ending on the node after it, and returns false.
    /// </summary>
    public abstract bool ReadChild(XmlReader reader, XmlParseContext context);

    /// <summary>On the element's end tag (or its start tag, when it is empty): the element reader's checks of required members.</summary>
    public abstract void End(XmlReader reader);

    /// <summary>The level of a list wrapper: as the generated reader of a flattened list reads it. The cursor takes the records
    /// before asking, so every child it is asked about is undeclared.</summary>
    private sealed class ListWrapperLevel : XmlEnvelopeLevel
    {
        public override void Start(XmlReader reader, XmlParseContext context)
        {
            if (reader.HasAttributes)
            {
                context.UndeclaredAttributes(reader);
            }
        }

        public override bool ReadChild(XmlReader reader, XmlParseContext context)
        {
            context.UndeclaredElement(reader);
            reader.Skip();
            return false;
        }

        public override void End(XmlReader reader)
        {
        }
    }
}
