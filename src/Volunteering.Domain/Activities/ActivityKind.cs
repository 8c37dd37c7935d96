namespace Volunteering.Domain.Activities;

/// <summary>What sort of activity it is, as districts report their activities (door-to-door services are counted
/// separately in the statistics).</summary>
public enum ActivityKind
{
    /// <summary>An event at a place: a clean-up, a clinic day, a market stall (集中活动).</summary>
    Event = 0,

    /// <summary>A service at people's homes (入户服务), e.g. visiting elderly people who live alone.</summary>
    DoorToDoorService = 1,

    /// <summary>A talk or lecture (宣讲), e.g. on policy, law or health.</summary>
    Talk = 2,

    /// <summary>A performance (文艺演出).</summary>
    Performance = 3,

    /// <summary>A training session run as an activity (培训). Training records that belong to a volunteer are kept by
    /// the volunteer's record, not here.</summary>
    Training = 4,

    /// <summary>Anything else.</summary>
    Other = 5,
}
