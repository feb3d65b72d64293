package dev.onmodel.core.consistency;

import dev.onmodel.core.media.SequenceScanner;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.SheetView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of sheet images ({@code characters/mira/front.png, side.png}) as a {@link CharacterSheet} named after
 * the folder, for the command line's {@code --sheet DIR}.
 */
public final class SheetFolders {

    private SheetFolders() {
    }

    /**
     * @throws SheetException when {@code folder} is not a folder or holds no image file (by extension); whether the
     *                        images are usable is checked when the engine loads them
     */
    public static CharacterSheet read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SheetException(folder + ": sheet folder does not exist or is not a folder");
        }
        List<SheetView> views = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && !name.startsWith(".")
                        && SequenceScanner.IMAGE_EXTENSIONS.contains(SequenceScanner.extensionOf(file))) {
                    views.add(new SheetView(name.substring(0, name.lastIndexOf('.')), file));
                }
            }
        } catch (IOException e) {
            throw new SheetException(folder + ": cannot list sheet folder: " + e.getMessage());
        }
        if (views.isEmpty()) {
            throw new SheetException(folder + ": sheet folder holds no image (expected PNG, JPEG, ... views)");
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new CharacterSheet(name == null ? folder.toString() : name.toString(), views);
    }
}
