namespace Volunteering.Domain.Aid;

/// <summary>What a review of an application is.</summary>
public enum ReviewKind
{
    /// <summary>An ordinary review (入户调查, 评议): at least two distinct reviewers before the first opinion.</summary>
    Initial = 1,

    /// <summary>The separate review an application involving a relative of staff needs, by someone who is neither its
    /// handler, an initial reviewer, nor the related member of staff.</summary>
    Separate = 2,
}
