package dev.uip.ingest.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class LookupRocksDbConfigTest {

    @Test
    void everyValidationStoreGetsAWholeKeyMemtableBloomFilter() {
        RocksDB.loadLibrary();
        try (Options options = new Options()) {
            assertEquals(0.0, options.memtablePrefixBloomSizeRatio(),
                    "RocksDB's default, so the setter must change it");

            new LookupRocksDbConfig().setConfig("dedup", options, Map.of());

            assertEquals(LookupRocksDbConfig.MEMTABLE_BLOOM_RATIO, options.memtablePrefixBloomSizeRatio());
            assertTrue(options.memtableWholeKeyFiltering());
        }
    }
}
