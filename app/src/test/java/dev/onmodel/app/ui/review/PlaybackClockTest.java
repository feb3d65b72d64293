package dev.onmodel.app.ui.review;

import dev.onmodel.core.time.FrameRate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaybackClockTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            24,        1,  60, 1440
            24000/1001, 1, 60, 1438
            25,        1,  60, 1500
            24,        -1, 1,  -24
            24,        2,  1,  48
            """)
    void framesDueAfterWholeSecondsFollowTheExactRate(String rate, int speed, long seconds, long expectedFrames) {
        PlaybackClock clock = new PlaybackClock(FrameRate.parse(rate), speed, 1001, 5_000L);
        assertEquals(1001 + expectedFrames, clock.frameAt(5_000L + seconds * 1_000_000_000L));
    }
}
