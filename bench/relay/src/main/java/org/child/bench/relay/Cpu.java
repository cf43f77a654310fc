package org.child.bench.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU ticks (1/100 s) of the machine and of each party, read from /proc, so a result shows what was
 * busy: the LRS (one node process, so one core at most), the tool, the bench database's backends
 * (only those: other sessions share the PostgreSQL server) and this generator.
 */
record Cpu(long machineBusy, long tool, long lrs, long postgres, long self) {

  static final double TICKS_PER_SECOND = 100; // Linux USER_HZ on x86-64

  static Cpu read(long toolPid, long lrsPid, String database) throws IOException {
    String[] stat = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    // user nice system idle iowait irq softirq steal: all but idle and iowait (guest is in user)
    for (int i = 1; i <= 8; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(stat[i]);
      }
    }
    long postgres = 0;
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        if (dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
          try {
            String s = Files.readString(dir.resolve("stat"));
            if (s.contains("(postgres)")
                && Files.readString(dir.resolve("cmdline")).contains(" " + database + " ")) {
              postgres += ticksOf(s);
            }
          } catch (IOException gone) {
            // the process ended meanwhile
          }
        }
      }
    }
    return new Cpu(
        busy, ticks(toolPid), ticks(lrsPid), postgres, ticks(ProcessHandle.current().pid()));
  }

  private static long ticks(long pid) throws IOException {
    return pid > 0 ? ticksOf(Files.readString(Path.of("/proc/" + pid + "/stat"))) : 0;
  }

  private static long ticksOf(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
  }

  Cpu minus(Cpu before) {
    return new Cpu(
        machineBusy - before.machineBusy,
        tool - before.tool,
        lrs - before.lrs,
        postgres - before.postgres,
        self - before.self);
  }

  long others() {
    return machineBusy - tool - lrs - postgres - self;
  }
}
