package dev.trawl.spark;

import dev.trawl.spark.split.Split;
import dev.trawl.spark.split.SplitPlanner;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Plans the splits of the files a scan reads ({@link SplitPlanner}): the probes of every file that needs more
 * than one split run as one Spark job (and those to walk again, for pcapng files of several sections, as a
 * second), and the driver puts each file's walks together. Plans are kept per
 * driver, for the files as they were (path, length, modification time) and the split size, so that the next
 * query over the same files plans nothing. Thread-safe.
 */
final class Plans {
    /** How many files' plans a driver keeps. */
    static final int CACHED = 1024;

    private static final Map<Key, List<Split>> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Split>> eldest) {
            return size() > CACHED;
        }
    };

    private record Key(String path, long length, long modified, long splitSize) {
    }

    /** One probe of one file, as a task runs it. */
    private record Task(String path, SplitPlanner.Probe probe) implements Serializable {
    }

    private Plans() {
    }

    /** The splits of each file, in the order given, all longer than one split. */
    static List<List<Split>> plan(List<FileStatus> files, long splitSize, SparkContext spark, Configuration conf)
            throws IOException {
        List<List<Split>> plans = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileStatus file = files.get(i);
            List<Split> cached;
            synchronized (CACHE) {
                cached = CACHE.get(key(file, splitSize));
            }
            plans.add(cached);
            if (cached == null) {
                pending.add(i);
                for (SplitPlanner.Probe probe : SplitPlanner.probes(file.getLen(), splitSize)) {
                    tasks.add(new Task(file.getPath().toString(), probe));
                }
            }
        }
        if (tasks.isEmpty()) {
            return plans;
        }
        SerializableConfiguration shipped = new SerializableConfiguration(conf);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark);
        List<SplitPlanner.Walk> walks = run(context, "finding the record chains of " + pending.size() + " files",
                tasks, shipped);
        // A second round for the splits of pcapng files of several sections whose guess was made in the wrong one.
        List<Task> again = new ArrayList<>();
        List<Integer> replaced = new ArrayList<>();
        int first = 0;
        for (int i : pending) {
            int n = SplitPlanner.probes(files.get(i).getLen(), splitSize).size();
            List<SplitPlanner.Probe> rewalks = SplitPlanner.rewalks(
                    tasks.subList(first, first + n).stream().map(Task::probe).toList(), walks.subList(first, first + n));
            for (int k = 0; k < n; k++) {
                if (rewalks.get(k) != null) {
                    again.add(new Task(tasks.get(first + k).path(), rewalks.get(k)));
                    replaced.add(first + k);
                }
            }
            first += n;
        }
        if (!again.isEmpty()) {
            walks = new ArrayList<>(walks);
            List<SplitPlanner.Walk> second = run(context, "walking " + again.size() + " splits again in their "
                    + "pcapng sections", again, shipped);
            for (int j = 0; j < second.size(); j++) {
                walks.set(replaced.get(j), second.get(j));
            }
        }
        int next = 0;
        for (int i : pending) {
            FileStatus file = files.get(i);
            String path = file.getPath().toString();
            List<SplitPlanner.Probe> probes = SplitPlanner.probes(file.getLen(), splitSize);
            List<Split> splits = SplitPlanner.stitch(() -> PcapPartitionReader.open(path, false, conf), probes,
                    walks.subList(next, next + probes.size()));
            next += probes.size();
            plans.set(i, splits);
            synchronized (CACHE) {
                CACHE.put(key(file, splitSize), splits);
            }
        }
        return plans;
    }

    /** Runs probes as one Spark job, one task each, and returns their walks in order. */
    private static List<SplitPlanner.Walk> run(JavaSparkContext context, String what, List<Task> tasks,
            SerializableConfiguration shipped) {
        String description = context.getLocalProperty("spark.job.description");
        context.setJobDescription("pcap: " + what);
        try {
            return context.parallelize(tasks, tasks.size())
                    .map(t -> SplitPlanner.probe(() -> PcapPartitionReader.open(t.path(), false, shipped.value()),
                            t.probe()))
                    .collect();
        } finally {
            context.setJobDescription(description);
        }
    }

    private static Key key(FileStatus file, long splitSize) {
        return new Key(file.getPath().toString(), file.getLen(), file.getModificationTime(), splitSize);
    }
}
