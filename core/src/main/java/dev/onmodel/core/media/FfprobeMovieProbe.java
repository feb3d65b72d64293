package dev.onmodel.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a movie's frame count, rate and size with ffprobe, without decoding pictures. The frame count is the
 * container's {@code nb_frames} when present, otherwise the number of video packets ffprobe counts by demuxing
 * the whole file (one packet per frame for the video codecs movies here use). A stream whose average rate differs from its base
 * rate ({@code avg_frame_rate != r_frame_rate}) is reported as variable frame rate. The start timecode is the video
 * stream's {@code timecode} tag (ffmpeg's QuickTime and MP4 readers give the {@code tmcd} track's start there) or else
 * the container's (MKV and MXF write it there); a label that does not fit the movie's rate is an error naming it,
 * because an edit list with a wrong source time would relink the wrong frames.
 */
public final class FfprobeMovieProbe implements MovieProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FfmpegTools tools;
    private final long firstFrame;

    /** Frames numbered from 1. */
    public FfprobeMovieProbe(FfmpegTools tools) {
        this(tools, 1);
    }

    /** @param firstFrame the number given to a movie's first frame (1, or 1001 to match sequences) */
    public FfprobeMovieProbe(FfmpegTools tools, long firstFrame) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.firstFrame = firstFrame;
    }

    @Override
    public MovieMedia probe(Path movie) throws IOException {
        if (!Files.isRegularFile(movie)) {
            throw new MediaReadException(movie, MediaProblem.Kind.UNREADABLE, "movie file not found");
        }
        if (Files.size(movie) == 0) {
            throw new MediaReadException(movie, MediaProblem.Kind.ZERO_BYTE, "zero-byte file");
        }
        JsonNode probed = probe(movie, false);
        JsonNode streams = probed.path("streams");
        JsonNode containerTags = probed.path("format").path("tags");
        if (!streams.isArray() || streams.isEmpty()) {
            throw new MediaReadException(movie, MediaProblem.Kind.MOVIE, "the movie has no video stream");
        }
        JsonNode stream = streams.get(0);
        int width = stream.path("width").asInt(0);
        int height = stream.path("height").asInt(0);
        FrameRate base = rate(stream.path("r_frame_rate").asText(""));
        FrameRate average = rate(stream.path("avg_frame_rate").asText(""));
        if (base == null && average == null) {
            throw new MediaReadException(movie, MediaProblem.Kind.MOVIE, "ffprobe reports no frame rate");
        }
        boolean variable = base != null && average != null && !base.equals(average);
        long count = stream.path("nb_frames").asLong(0);
        if (count <= 0) {
            // The container does not store a frame count (MKV, WebM): count packets, which reads the whole file.
            JsonNode counted = probe(movie, true).path("streams");
            count = counted.isArray() && !counted.isEmpty() ? counted.get(0).path("nb_read_packets").asLong(0) : 0;
        }
        if (count <= 0 || width <= 0 || height <= 0) {
            throw new MediaReadException(movie, MediaProblem.Kind.MOVIE, "ffprobe reports no frames (" + width + "x"
                    + height + ", " + count + " frames)");
        }
        FrameRate rate = variable ? average : (base != null ? base : average);
        return new MovieMedia(movie, firstFrame, count, rate, width, height, variable,
                startTimecode(movie, stream.path("tags"), containerTags, rate));
    }

    /** The start timecode in frames at {@code rate}; 0 when the movie carries none. */
    private static long startTimecode(Path movie, JsonNode streamTags, JsonNode containerTags, FrameRate rate)
            throws MediaReadException {
        String label = tag(streamTags, "timecode");
        if (label == null) {
            label = tag(containerTags, "timecode");
        }
        if (label == null) {
            return 0;
        }
        try {
            return Timecode.parse(label, rate).frames();
        } catch (IllegalArgumentException e) {
            throw new MediaReadException(movie, MediaProblem.Kind.MOVIE, "start timecode '" + label
                    + "' does not fit the movie's " + rate.displayName() + " fps: " + e.getMessage());
        }
    }

    /** A tag's value whatever the case of its key (MKV writes {@code TIMECODE}, QuickTime {@code timecode}). */
    private static String tag(JsonNode tags, String key) {
        for (var fields = tags.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(key) && !field.getValue().asText("").isBlank()) {
                return field.getValue().asText().strip();
            }
        }
        return null;
    }

    private JsonNode probe(Path movie, boolean countPackets) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(tools.ffprobe().toString(), "-v", "error",
                "-select_streams", "v:0"));
        if (countPackets) {
            command.add("-count_packets");
        }
        command.addAll(List.of("-show_entries",
                "stream=width,height,r_frame_rate,avg_frame_rate,nb_frames,nb_read_packets,codec_name"
                        + ":stream_tags=timecode:format_tags=timecode",
                "-of", "json", movie.toAbsolutePath().toString()));
        FfmpegTools.Result result = FfmpegTools.run(command, 300);
        if (result.exitCode() != 0) {
            throw new MediaReadException(movie, MediaProblem.Kind.MOVIE, "ffprobe cannot read this movie: "
                    + firstLine(result.stderr()));
        }
        return JSON.readTree(result.stdout());
    }

    private static FrameRate rate(String text) {
        if (text.isBlank() || text.startsWith("0/") || text.endsWith("/0")) {
            return null;
        }
        try {
            return FrameRate.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no details given";
        }
        String line = text.strip().split("\n")[0];
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
