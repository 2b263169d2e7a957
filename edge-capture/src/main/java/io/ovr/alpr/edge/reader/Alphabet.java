package io.ovr.alpr.edge.reader;

/** The reader's classes: 0-9, A-Z and a blank for unused slots. */
public final class Alphabet {

    /** Characters in class order; the blank class is {@link #BLANK}. */
    public static final String CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final int BLANK = CHARS.length();
    public static final int CLASSES = CHARS.length() + 1;

    private Alphabet() {
    }

    public static int index(char c) {
        int i = CHARS.indexOf(c);
        if (i < 0) {
            throw new IllegalArgumentException("not a plate character: " + c);
        }
        return i;
    }

    public static char charOf(int cls) {
        return cls == BLANK ? ' ' : CHARS.charAt(cls);
    }
}
