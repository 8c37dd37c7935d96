namespace Volunteering.Domain; /// <summary>x</summary>
public static class Placeholder { }
