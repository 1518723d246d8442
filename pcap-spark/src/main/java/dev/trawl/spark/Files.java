package dev.trawl.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Expands paths, globs and directories into the capture files under them. */
final class Files {
    private Files() {
    }

    static List<FileStatus> list(List<String> paths, Configuration conf) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (String p : paths) {
            Path path = new Path(p);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new FileNotFoundException("no capture file matches " + p);
            }
            for (FileStatus match : matches) {
                collect(fs, match, files);
            }
        }
        files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
        return files;
    }

    private static void collect(FileSystem fs, FileStatus status, List<FileStatus> out) throws IOException {
        String name = status.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) {
            return; // hidden files and Spark/Hadoop markers such as _SUCCESS
        }
        if (status.isDirectory()) {
            for (FileStatus child : fs.listStatus(status.getPath())) {
                collect(fs, child, out);
            }
        } else {
            out.add(status);
        }
    }
}
