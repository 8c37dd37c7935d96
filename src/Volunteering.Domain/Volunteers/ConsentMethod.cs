namespace Volunteering.Domain.Volunteers;

/// <summary>How a volunteer gave consent (to an organisation entering their record, or to exporting their personal
/// data).</summary>
public enum ConsentMethod
{
    /// <summary>The volunteer entered the record themself (a self-registration carries its own consent).</summary>
    SelfEntered = 1,

    /// <summary>A signed paper form.</summary>
    Written = 2,

    /// <summary>An electronic confirmation (a mini-program tick box, an SMS reply).</summary>
    Electronic = 3,

    /// <summary>Said in person and noted by the organisation.</summary>
    Verbal = 4,
}
