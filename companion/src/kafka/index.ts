export { createKafkaJsGateway } from './kafkajs-gateway';
export * from './gateway';
