package dev.uip.ingest.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB settings of the validation stores, tuned for point lookups that mostly miss (a dedup lookup of a new message
 * id): a bloom filter over each memtable's whole keys answers such a miss without searching the memtable's skip list,
 * which was a sixth of the validation thread's time with dedup on.
 */
public class LookupRocksDbConfig implements RocksDBConfigSetter {

    /** Memory of the memtable bloom filter as a fraction of the write buffer (16 MB: 1.6 MB per memtable). */
    static final double MEMTABLE_BLOOM_RATIO = 0.1;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
        options.setMemtableWholeKeyFiltering(true);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing allocated here
    }
}
