export { createKafkaJsGateway, type GatewayOptions } from './kafkajs-gateway';
export * from './gateway';
