package dev.onmodel.core.editorial;

/** An edit-list format an editing application imports: CMX3600 EDL, FCPXML, OpenTimelineIO. */
public interface TimelineExporter extends EditorialExporter<EditList> {
}
