/*
 * The test and demo broker: librdkafka's mock cluster (rdkafka_mock.h) on real loopback TCP ports.
 *
 * No Apache Kafka broker can be installed from the registries this project may use, but Debian's
 * librdkafka-dev ships this broker-side implementation of the Kafka protocol. The launcher prints
 * "BOOTSTRAP host:port,..." once the brokers listen, then obeys one command per line on stdin and
 * answers each with "OK ..." or "ERR ...":
 *   topic NAME PARTITIONS    create a topic (the mock also auto-creates on first use, 4 partitions)
 *   down N / up N            take broker N (1-based) down or bring it back, for fault tests
 *   quit                     exit
 * It exits on EOF too, so it never outlives the process that started it.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reply(const char *fmt, const char *a, int b) {
  printf(fmt, a, b);
  putchar('\n');
  fflush(stdout);
}

int main(int argc, char **argv) {
  int brokers = argc > 1 ? atoi(argv[1]) : 1;
  char errstr[512];
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  /* The mock cluster needs a client handle to run on; this one never talks to anybody. */
  rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof errstr);
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (!rk) {
    fprintf(stderr, "mock-broker: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t *mcluster = rd_kafka_mock_cluster_new(rk, brokers);
  if (!mcluster) {
    fprintf(stderr, "mock-broker: could not start the mock cluster\n");
    return 1;
  }
  printf("BOOTSTRAP %s\n", rd_kafka_mock_cluster_bootstraps(mcluster));
  fflush(stdout);

  char line[1024], name[512];
  int n;
  while (fgets(line, sizeof line, stdin)) {
    if (sscanf(line, "topic %511s %d", name, &n) == 2) {
      rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mcluster, name, n, 1);
      if (err) reply("ERR topic %s: %d", rd_kafka_err2str(err), (int)err);
      else reply("OK topic %s %d", name, n);
    } else if (sscanf(line, "down %d", &n) == 1) {
      rd_kafka_mock_broker_set_down(mcluster, n);
      reply("OK down%s %d", "", n);
    } else if (sscanf(line, "up %d", &n) == 1) {
      rd_kafka_mock_broker_set_up(mcluster, n);
      reply("OK up%s %d", "", n);
    } else if (strncmp(line, "quit", 4) == 0) {
      break;
    } else {
      reply("ERR unknown command%s %d", "", 0);
    }
  }
  rd_kafka_mock_cluster_destroy(mcluster);
  rd_kafka_destroy(rk);
  return 0;
}
