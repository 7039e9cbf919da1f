import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

const MESSAGE = 'username and password are required';

export class LoginDto {
  @ApiProperty({ example: 'administrator' })
  @IsString({ message: MESSAGE })
  username: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString({ message: MESSAGE })
  password: string;
}
